import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendAuditEvents, cancelOpenTasks, markDecisionsApplied, PlanEntity, usernameOf } from '@app/dal';
import {
  adoptionStageKey,
  decideStage,
  DONE_STAGE,
  roleName,
  findStage,
  nextStageKey,
  reopensAdoption,
  returnStageKey,
  StageVote,
  tallyVotes,
  UnitKind,
  WorkflowDefinition,
} from '@app/domain';
import { AdoptionRecorder } from '../adoption/adoption-recorder.service';
import { nothingCreated, TransitionResult } from '../common/transition-result';
import { noticeOfAdoption } from '../notifications/adoption-notices';
import { fullNameOf } from '../notifications/full-name';
import { noticeOfReturnToDrafters } from '../notifications/return-notices';
import { ReturnCause } from '../notifications/task-notices';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { Clock } from '../common/clock';

export interface LockedReport {
  id: string;
  plan_id: string;
  unit_id: string;
  parent_id: string | null;
  kind: UnitKind;
  stage: string;
  round: number;
  version: number;
  workflow_version: number;
}

/** Who or what caused a decision: a task's holder, or the engine after a change of approvers or rules. */
export interface DecisionCause {
  taskId: string | null;
  actorId: string | null;
}

/**
 * Decides a report's current stage from every vote of its round and, when resolved, moves the
 * report, in the caller's transaction, guarded by the report's row lock and version.
 */
@Injectable()
export class StageDecider {
  private readonly logger = new Logger(StageDecider.name);

  constructor(
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly adoption: AdoptionRecorder,
    private readonly clock: Clock,
  ) {}

  async lockReport(em: EntityManager, reportId: string): Promise<LockedReport | undefined> {
    const [report]: LockedReport[] = await em.query(
      `SELECT r.id, r.plan_id, r.unit_id, u.parent_id, u.kind, r.stage, r.round, r.version, r.workflow_version
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1 FOR NO KEY UPDATE OF r`,
      [reportId],
    );
    return report;
  }

  async decide(em: EntityManager, report: LockedReport, cause: DecisionCause): Promise<TransitionResult> {
    await em.query(`UPDATE reports SET needs_decision = false WHERE id = $1 AND needs_decision`, [report.id]);
    if (report.stage === DONE_STAGE) return nothingCreated('done');
    const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: report.plan_id });
    const workflow = await this.workflows.get(plan.workflowKey, report.workflow_version, em);
    const stage = findStage(workflow, report.stage)!;
    if (stage.kind === 'consolidation') return nothingCreated('waiting-for-consolidation');
    const votes: (StageVote & { comment: string | null })[] = await em.query(
      `SELECT id, state, decision, comment, assignee_id AS "assigneeId" FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST, id`,
      [report.id, report.stage, report.round],
    );
    const tally = tallyVotes(votes);
    const outcome = decideStage(stage.kind === 'draft' ? { type: 'any' } : stage.rule, tally);
    const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
    if (outcome === 'unassigned') await this.flagUnassigned(em, report, stage.role);
    if (outcome === 'pending' || outcome === 'unassigned') {
      await markDecisionsApplied(em, decided);
      return nothingCreated(outcome);
    }
    const returned = outcome === 'returned';
    const returning = votes.find((v) => v.decision === 'return' && tally.counted.includes(v));
    const toStage = returned ? returnStageKey(workflow, stage.key) : nextStageKey(workflow, stage.key);
    const actorId = cause.actorId ?? (returned ? returning!.assigneeId : null);
    const returnCause: ReturnCause | undefined = returned
      ? { fromStage: stage.key, reason: returning!.comment ?? '', returnedBy: await fullNameOf(em, returning!.assigneeId) }
      : undefined;
    // Adopted (thông qua) as it passes its own committee; sent back to be adopted again, that adoption is superseded.
    if (!returned && stage.key === adoptionStageKey(workflow)) {
      await this.adoption.adopt(em, { planId: report.plan_id, unitId: report.unit_id, reportId: report.id, round: report.round, stage: stage.key, actorId });
    }
    if (returned && reopensAdoption(workflow, toStage))
      await this.adoption.supersede(em, report.plan_id, report.unit_id, report.id, returning?.comment ?? null, actorId);
    const createdTaskIds = await this.move(
      em,
      plan,
      report,
      workflow,
      toStage,
      { ...cause, actorId, reason: returning?.comment ?? null, returned },
      returnCause,
    );
    await this.tellOfMove(em, plan, report, workflow, stage.key, toStage, returnCause);
    await markDecisionsApplied(em, decided);
    const ready = findStage(workflow, toStage)?.kind === 'consolidation' ? [{ planId: plan.id, reportId: report.id }] : [];
    return { outcome: returned ? 'returned' : 'approved', createdTaskIds, readyForConsolidation: ready };
  }

  /**
   * What the report's own people hear of its move beyond the new tasks' notices: the drafters of a
   * report returned to a stage that is not theirs, and the drafters and approvers of a report that
   * has just passed its adopting stage (adopted, thông qua).
   */
  private async tellOfMove(
    em: EntityManager,
    plan: PlanEntity,
    report: LockedReport,
    workflow: WorkflowDefinition,
    fromStage: string,
    toStage: string,
    returned?: ReturnCause,
  ) {
    if (returned && findStage(workflow, toStage)?.kind !== 'draft') await noticeOfReturnToDrafters(em, report.id, report.round, returned);
    if (!returned && fromStage === adoptionStageKey(workflow)) {
      await noticeOfAdoption(em, { planId: plan.id, unitId: report.unit_id, reportId: report.id, round: report.round, adoptedAt: this.clock.now() });
    }
  }

  /** Everyone who could act has gone (roles changed): shown in progress and audited, never silently stuck. */
  private async flagUnassigned(em: EntityManager, report: LockedReport, role: string): Promise<void> {
    const [, flagged] = await em.query(`UPDATE reports SET unassigned = true WHERE id = $1 AND NOT unassigned`, [report.id]);
    if (!flagged) return;
    await appendAuditEvents(em, [
      {
        actorId: null,
        actor: 'system',
        action: 'stage_unassigned',
        planId: report.plan_id,
        reportId: report.id,
        fromStage: report.stage,
        comment: `Không còn ai giữ vai trò ${roleName(role)} để thực hiện bước này`,
      },
    ]);
  }

  /** Moves one report to `toStage`: cancels the stage's open tasks, bumps round and version, audits, enters. */
  private async move(
    em: EntityManager,
    plan: PlanEntity,
    report: LockedReport,
    workflow: WorkflowDefinition,
    toStage: string,
    cause: DecisionCause & { reason: string | null; returned: boolean },
    returnCause?: ReturnCause,
  ): Promise<string[]> {
    await cancelOpenTasks(em, { planId: report.plan_id, reportId: report.id, stage: report.stage, round: report.round });
    const updated = await em.query(
      `UPDATE reports SET stage = $2, round = round + 1, version = version + 1, unassigned = false, stage_entered_at = now(), updated_at = now(),
              returned_count = returned_count + $4, last_return_reason = COALESCE($5, last_return_reason)
        WHERE id = $1 AND version = $3 RETURNING round`,
      [report.id, toStage, report.version, cause.returned ? 1 : 0, cause.returned ? cause.reason : null],
    );
    if (updated[0].length === 0) throw new Error(`Report ${report.id} changed under its lock (version ${report.version})`);
    await appendAuditEvents(em, [
      {
        actorId: cause.actorId,
        actor: await usernameOf(em, cause.actorId),
        action: 'transition',
        planId: report.plan_id,
        reportId: report.id,
        taskId: cause.taskId,
        fromStage: report.stage,
        toStage,
        comment: cause.returned ? cause.reason : null,
      },
    ]);
    const round = updated[0][0].round as number;
    if (toStage === DONE_STAGE) this.logger.log(`Report ${report.id} is done`);
    return this.stageEntry.enter(
      em,
      plan,
      workflow,
      toStage,
      [{ id: report.id, unitId: report.unit_id, parentId: report.parent_id, unitKind: report.kind, round }],
      returnCause,
    );
  }
}
