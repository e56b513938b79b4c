import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction, markDecisionsApplied, readVoteForDecision, TaskEntity } from '@app/dal';
import { ConsolidationCompletion } from '../consolidation/consolidation-completion.service';
import { nothingCreated, TransitionResult } from '../common/transition-result';
import { ReportMovedOn, StageDecider } from './stage-decider.service';

/**
 * Applies a decision recorded on a task, or decides a stage again after its approvers or its rule
 * changed. Safe to run twice: a task already applied, or of an earlier round, changes nothing.
 */
@Injectable()
export class DecisionApplier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decider: StageDecider,
    private readonly consolidation: ConsolidationCompletion,
  ) {}

  async apply(taskId: string): Promise<TransitionResult> {
    return this.untilSettled(async () => {
      // The task, its report and the votes of its round in one read, outside a transaction: most
      // votes decide nothing yet, and then marking them applied is the only write. A write on the
      // report is made in a transaction under its row lock at the version read here.
      const vote = await readVoteForDecision(this.db, taskId);
      if (!vote || vote.task.state !== 'completed') return nothingCreated('stale');
      const { task, report } = vote;
      if (task.applied) return nothingCreated('already-applied');
      if (task.reportId === null)
        return inTransaction(this.db, async (em) => this.consolidation.complete(em, await em.getRepository(TaskEntity).findOneByOrFail({ id: task.id })));
      // Rounds only grow: a task of an earlier round is stale whatever happens next.
      if (!report || !vote.votes || report.round !== task.round || report.stage !== task.stage) {
        await markDecisionsApplied(this.db.manager, [task.id]);
        return nothingCreated('stale');
      }
      const verdict = report.needs_decision ? undefined : await this.decider.verdict(report, vote.votes);
      if (verdict?.outcome === 'pending') {
        await markDecisionsApplied(this.db.manager, verdict.decided);
        return nothingCreated('pending');
      }
      return inTransaction(this.db, (em) => this.decider.decide(em, report, { taskId: task.id, actorId: task.assigneeId }, vote.votes));
    });
  }

  /** Decides the report's stage again if it is still in `round` (votes already cast count). */
  async reevaluate(reportId: string, round: number): Promise<TransitionResult> {
    return this.untilSettled(() =>
      inTransaction(this.db, async (em) => {
        const report = await this.decider.readReport(em, reportId);
        if (!report || report.round !== round) return nothingCreated('stale');
        return this.decider.decide(em, report, { taskId: null, actorId: null });
      }),
    );
  }

  /**
   * A decision made on a report that another decision moved before this one could lock it is made
   * again on what that one left (usually: this task is now of an earlier round, so stale). One that
   * finds the report's row held (`ReportBusy`) is not retried here: its job is, a moment later.
   */
  private async untilSettled(attempt: () => Promise<TransitionResult>): Promise<TransitionResult> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ReportMovedOn) || tries >= SETTLE_ATTEMPTS) throw error;
      }
    }
  }
}

/** Each retry follows a move of the report by another decision; a job's own retries take over past this. */
const SETTLE_ATTEMPTS = 10;
