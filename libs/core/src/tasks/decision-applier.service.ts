import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, cancelOpenTasks, inTransaction, markDecisionsApplied, PlanEntity, TaskEntity } from '@app/dal';
import { decideStage, DONE_STAGE, findStage, nextStageKey, returnStageKey, UnitKind, WorkflowDefinition } from '@app/domain';
import { WorkflowsService } from '../workflows/workflows.service';
import { StageEntryService } from '../workflows/stage-entry.service';
import { ConsolidationCompletion } from '../consolidation/consolidation-completion.service';
import { nothingCreated, TransitionResult } from '../common/transition-result';

interface LockedReport {
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

/**
 * Applies a decision recorded on a task: decides the stage from every vote of its round and, when
 * resolved, moves the report in one transaction guarded by the report's version. Safe to run twice:
 * a task already applied, or of an earlier round, changes nothing.
 */
@Injectable()
export class DecisionApplier {
  private readonly logger = new Logger(DecisionApplier.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly consolidation: ConsolidationCompletion,
  ) {}

  async apply(taskId: string): Promise<TransitionResult> {
    return inTransaction(this.db, async (em) => {
      const task = await em.getRepository(TaskEntity).findOneBy({ id: taskId });
      if (!task || task.state !== 'completed') return nothingCreated('stale');
      if (task.appliedAt) return nothingCreated('already-applied');
      if (task.reportId === null) return this.consolidation.complete(em, task);
      return this.applyToReport(em, task);
    });
  }

  private async applyToReport(em: EntityManager, task: TaskEntity): Promise<TransitionResult> {
    const [report]: LockedReport[] = await em.query(
      `SELECT r.id, r.plan_id, r.unit_id, u.parent_id, u.kind, r.stage, r.round, r.version, r.workflow_version
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1 FOR NO KEY UPDATE OF r`,
      [task.reportId],
    );
    if (report.round !== task.round || report.stage !== task.stage) {
      await markDecisionsApplied(em, [task.id]);
      return nothingCreated('stale');
    }
    const plan = await this.plan(em, report.plan_id);
    const workflow = await this.workflows.get(plan.workflowKey, report.workflow_version, em);
    const stage = findStage(workflow, report.stage)!;
    const votes: { id: string; state: string; decision: string | null; comment: string | null }[] = await em.query(
      `SELECT id, state, decision, comment FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST`,
      [report.id, report.stage, report.round],
    );
    const tally = {
      assigned: votes.filter((v) => v.state !== 'cancelled').length,
      approvals: votes.filter((v) => v.decision === 'approve' || v.decision === 'submit').length,
      returns: votes.filter((v) => v.decision === 'return').length,
    };
    const rule = stage.kind === 'draft' ? { type: 'any' as const } : stage.rule;
    const outcome = decideStage(rule, tally);
    const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
    if (outcome === 'pending' || outcome === 'unassigned') {
      await markDecisionsApplied(em, decided);
      return nothingCreated(outcome);
    }
    const returned = outcome === 'returned';
    const reason = returned ? votes.find((v) => v.decision === 'return')!.comment : null;
    const toStage = returned ? returnStageKey(workflow, stage.key) : nextStageKey(workflow, stage.key);
    const createdTaskIds = await this.move(em, plan, report, workflow, toStage, { actorTaskId: task.id, actorId: task.assigneeId, reason, returned });
    await markDecisionsApplied(em, decided);
    return { outcome: returned ? 'returned' : 'approved', createdTaskIds };
  }

  /** Moves one report to `toStage`: cancels the stage's open tasks, bumps round and version, audits, enters. */
  private async move(
    em: EntityManager,
    plan: PlanEntity,
    report: LockedReport,
    workflow: WorkflowDefinition,
    toStage: string,
    cause: { actorTaskId: string; actorId: string; reason: string | null; returned: boolean },
  ): Promise<string[]> {
    await cancelOpenTasks(em, { planId: report.plan_id, reportId: report.id, stage: report.stage, round: report.round });
    const updated = await em.query(
      `UPDATE reports SET stage = $2, round = round + 1, version = version + 1, unassigned = false, stage_entered_at = now(), updated_at = now(),
              returned_count = returned_count + $4, last_return_reason = COALESCE($5, last_return_reason)
        WHERE id = $1 AND version = $3 RETURNING round`,
      [report.id, toStage, report.version, cause.returned ? 1 : 0, cause.reason],
    );
    if (updated[0].length === 0) throw new Error(`Report ${report.id} changed under its lock (version ${report.version})`);
    const [actor] = await em.query(`SELECT username FROM users WHERE id = $1`, [cause.actorId]);
    await appendAuditEvents(em, [{
      actorId: cause.actorId, actor: actor?.username ?? 'system', action: 'transition', planId: report.plan_id, reportId: report.id,
      taskId: cause.actorTaskId, fromStage: report.stage, toStage, comment: cause.reason,
    }]);
    const round = updated[0][0].round as number;
    if (toStage === DONE_STAGE) this.logger.log(`Report ${report.id} is done`);
    return this.stageEntry.enter(em, plan, workflow, toStage, [{ id: report.id, unitId: report.unit_id, parentId: report.parent_id, unitKind: report.kind, round }]);
  }

  private async plan(em: EntityManager, planId: string): Promise<PlanEntity> {
    return em.getRepository(PlanEntity).findOneByOrFail({ id: planId });
  }
}
