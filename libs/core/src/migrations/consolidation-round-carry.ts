import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  cancelOpenTasks,
  findOpenConsolidationRound,
  lockPlanForRoundMove,
  moveConsolidationRoundTasks,
  PlanEntity,
  usernameOf,
  WorkflowMigrationEntity,
} from '@app/dal';
import { StageDefinition, stageDueAt, WorkflowDefinition } from '@app/domain';
import { StageEntryService } from '../workflows/stage-entry.service';
import { MigratedTaskTiming, RetimedTask } from './migrated-task-timing';

export interface CarriedRound {
  createdTaskIds: string[];
  retimed: RetimedTask[];
}

const consolidationStage = (workflow: WorkflowDefinition): StageDefinition | undefined => workflow.stages.find((s) => s.kind === 'consolidation');

/**
 * The plan-wide consolidation round (tasks without a report) follows the plan's consolidation stage
 * into the new version before any report is moved: renamed, the open round is carried over under the
 * new key with its votes, so a report reaching the new stage joins it instead of opening a second
 * one; given to other people (the role changed), the round is cancelled and one new round
 * opened for the new holders. Its due date and reminders follow the new stage either way.
 */
@Injectable()
export class ConsolidationRoundCarry {
  constructor(
    private readonly stageEntry: StageEntryService,
    private readonly timing: MigratedTaskTiming,
  ) {}

  async carry(em: EntityManager, migration: WorkflowMigrationEntity, from: WorkflowDefinition, to: WorkflowDefinition): Promise<CarriedRound> {
    const carried: CarriedRound = { createdTaskIds: [], retimed: [] };
    const previous = consolidationStage(from);
    const next = consolidationStage(to);
    if (!previous || !next) return carried;
    // The same lock the opening of a round takes: no round opens while this one moves.
    await lockPlanForRoundMove(em, migration.planId);
    const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: migration.planId });
    const open = await findOpenConsolidationRound(em, plan.id, previous.key);
    if (!open) return carried;
    const rootKind = await this.timing.rootKind(em, plan);
    const dueAt = stageDueAt(plan.deadlines, next, { kind: rootKind, rootKind }, new Date(open.created_at));
    const actor = { actorId: migration.createdBy, actor: await usernameOf(em, migration.createdBy) };

    // Compared with the round's own tasks, so a run repeated after a crash does not reopen it again.
    if (open.role !== next.role) {
      await cancelOpenTasks(em, { planId: plan.id, reportId: null, stage: previous.key, round: open.round });
      carried.createdTaskIds = await this.stageEntry.openConsolidationRound(em, plan, next, dueAt);
      await appendAuditEvents(em, [
        {
          ...actor,
          action: 'consolidation.round_reopened',
          planId: plan.id,
          fromStage: previous.key,
          toStage: next.key,
          comment: `Vòng tổng hợp được mở lại theo phiên bản quy trình ${to.version}`,
          data: { migrationId: migration.id, cancelledRound: open.round, role: next.role, tasksCreated: carried.createdTaskIds.length },
        },
      ]);
      return carried;
    }
    if (previous.key !== next.key) {
      // Every task of the round moves, decided ones too: votes already cast still count under the new key.
      const moved = await moveConsolidationRoundTasks(em, { planId: plan.id, fromStage: previous.key, round: open.round, toStage: next.key });
      await appendAuditEvents(em, [
        {
          ...actor,
          action: 'consolidation.round_moved',
          planId: plan.id,
          fromStage: previous.key,
          toStage: next.key,
          comment: `Vòng tổng hợp chuyển sang bước ${next.key} của phiên bản quy trình ${to.version}`,
          data: { migrationId: migration.id, round: open.round, tasks: moved },
        },
      ]);
    }
    carried.retimed = await this.timing.retimeTasks(
      em,
      { planId: plan.id, reportId: null, stage: next.key, round: open.round },
      dueAt,
      plan.reminders,
      previous,
      next,
    );
    return carried;
  }
}
