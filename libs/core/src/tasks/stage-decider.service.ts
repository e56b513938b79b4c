import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  clearReportNeedsDecision,
  flagReportUnassigned,
  listStageVotesOfReport,
  lockReportAtVersion,
  lockReportForDecision,
  markDecisionsApplied,
  moveReportToStage,
  PlanEntity,
  readReportForDecision,
  ReportForDecisionRow,
  StageVoteRow,
  STAGE_DECIDED_REASON,
} from '@app/dal';
import {
  adoptionStageKey,
  CountedTally,
  decideStage,
  DONE_STAGE,
  roleName,
  findStage,
  nextStageKey,
  reopensAdoption,
  returnStageKey,
  StageDefinition,
  StageOutcome,
  tallyVotes,
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

/** The report as the decider reads it (under its row lock, or before taking it at the same version). */
export type LockedReport = ReportForDecisionRow;

/** The report moved on between the decision's read and its lock: the caller decides again in a new transaction. */
export class ReportMovedOn extends Error {
  constructor(reportId: string) {
    super(`Report ${reportId} changed while its decision was being made`);
  }
}

/**
 * Another transaction holds the report's row (usually another vote's move of the same round): the
 * decision is tried again a moment later, as a job put back in the queue, instead of waiting in
 * the database. Nothing was written.
 */
export class ReportBusy extends Error {
  constructor(reportId: string) {
    super(`Report ${reportId} is being changed by another transaction`);
  }
}

/** What a stage's votes decide, with what `decide` goes on with when it is more than `pending`. */
export interface Verdict {
  outcome: StageOutcome;
  stage: StageDefinition;
  tally: CountedTally;
  /** The votes cast, marked applied whatever the outcome. */
  decided: string[];
}

/** Who or what caused a decision: a task's holder, or the engine after a change of approvers or rules. */
export interface DecisionCause {
  taskId: string | null;
  actorId: string | null;
}

/**
 * Decides a report's current stage from every vote of its round and, when resolved, moves the
 * report, in the caller's transaction, guarded by the report's row lock and version: the lock is
 * taken only once there is something to write, so that the votes of a committee that only wait for
 * the others do not queue behind each other.
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
    return lockReportForDecision(em, reportId);
  }

  /** The report as a decision reads it: no lock until `decide` has something to write. */
  async readReport(em: EntityManager, reportId: string): Promise<LockedReport | undefined> {
    return readReportForDecision(em, reportId);
  }

  /**
   * What the votes decide, read and computed without writing: a caller outside a transaction that
   * finds `pending` (and no flag to clear) only marks the votes applied; anything else goes to
   * `decide` in a transaction. `undefined` when the stage takes no votes (done, consolidation).
   */
  async verdict(report: LockedReport, votes: StageVoteRow[], em?: EntityManager): Promise<Verdict | undefined> {
    if (report.stage === DONE_STAGE) return undefined;
    const workflow = await this.workflows.get(report.workflow_key, report.workflow_version, em);
    const stage = findStage(workflow, report.stage)!;
    if (stage.kind === 'consolidation') return undefined;
    const tally = tallyVotes(votes);
    const outcome = decideStage(stage.kind === 'draft' ? { type: 'any' } : stage.rule, tally);
    return { outcome, stage, tally, decided: votes.filter((v) => v.decision !== null).map((v) => v.id) };
  }

  /** `votes`, when the caller read them with the report, are those of its stage and round; else they are read here. */
  async decide(em: EntityManager, report: LockedReport, cause: DecisionCause, votesRead?: StageVoteRow[]): Promise<TransitionResult> {
    // Read with the report: most decisions find nothing to clear and skip the statement.
    if (report.needs_decision) await clearReportNeedsDecision(em, report.id);
    if (report.stage === DONE_STAGE) return nothingCreated('done');
    // The workflow is cached: asking before the votes spares their read at consolidation, where nobody votes.
    const workflow = await this.workflows.get(report.workflow_key, report.workflow_version, em);
    if (findStage(workflow, report.stage)?.kind === 'consolidation') return nothingCreated('waiting-for-consolidation');
    const votes = votesRead ?? (await listStageVotesOfReport(em, report.id, report.stage, report.round));
    const { outcome, stage, tally, decided } = (await this.verdict(report, votes, em))!;
    if (outcome === 'pending') {
      await markDecisionsApplied(em, decided);
      return nothingCreated(outcome);
    }
    // The plan whole only when the report moves (its deadlines, root and code for the next stage's
    // tasks), and read before the lock so that the lock is held for the writes alone.
    const plan = outcome === 'unassigned' ? undefined : await em.getRepository(PlanEntity).findOneByOrFail({ id: report.plan_id });
    // What follows writes on the report: only on the report as it was read, under its row lock from
    // here to the commit. Votes that only wait for others never take it.
    const lock = await lockReportAtVersion(em, report.id, report.version);
    if (lock === 'busy') throw new ReportBusy(report.id);
    if (lock === 'moved-on') throw new ReportMovedOn(report.id);
    if (outcome === 'unassigned' || !plan) {
      await this.flagUnassigned(em, report, stage.role);
      await markDecisionsApplied(em, decided);
      return nothingCreated('unassigned');
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
    if (!(await flagReportUnassigned(em, report.id))) return;
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

  /**
   * Moves one report to `toStage` in one statement (its round's open tasks cancelled, round and
   * version bumped, its due date in the new stage, both audited), then enters the stage.
   */
  private async move(
    em: EntityManager,
    plan: PlanEntity,
    report: LockedReport,
    workflow: WorkflowDefinition,
    toStage: string,
    cause: DecisionCause & { reason: string | null; returned: boolean },
    returnCause?: ReturnCause,
  ): Promise<string[]> {
    const enteredAt = this.clock.now();
    const dueAt = this.stageEntry.reportDueAt(plan, workflow, toStage, report.kind, report.root_kind, enteredAt);
    const round = await moveReportToStage(em, {
      reportId: report.id,
      planId: report.plan_id,
      fromStage: report.stage,
      round: report.round,
      toStage,
      version: report.version,
      dueAt,
      returned: cause.returned,
      returnReason: cause.reason,
      actorId: cause.actorId,
      taskId: cause.taskId,
      cancelReason: STAGE_DECIDED_REASON,
    });
    if (round === undefined) throw new Error(`Report ${report.id} changed under its lock (version ${report.version})`);
    if (toStage === DONE_STAGE) this.logger.log(`Report ${report.id} is done`);
    return this.stageEntry.enter(
      em,
      plan,
      workflow,
      toStage,
      [{ id: report.id, unitId: report.unit_id, parentId: report.parent_id, unitKind: report.kind, round }],
      returnCause,
      { rootKind: report.root_kind, dueDatesWritten: true, enteredAt },
    );
  }
}
