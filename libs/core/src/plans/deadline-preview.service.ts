import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeadlineProblem, PlanDeadlines } from '@app/domain';
import { Clock } from '../common/clock';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { reviewDeadlines } from './deadline-policy';
import { DueDates } from './due-dates.service';
import { assertDeadlinesFit, PlansService } from './plans.service';

export interface DeadlinePreviewResult {
  /** Open tasks whose due date would change. */
  tasksMoved: number;
  /** Reminders and escalations still to come that would be queued again for those tasks' new due dates. */
  remindersRescheduled: number;
  /** What PUT …/deadlines would refuse without `confirmDeadlines: true` (the order of the work). */
  deadlineProblems: DeadlineProblem[];
}

/**
 * What replacing a plan's deadlines would move, before an administrator saves them: the same
 * recomputation PUT …/deadlines runs, in a transaction that is always rolled back, so it agrees
 * with the edit and changes nothing. Problems of order are reported, not refused.
 */
@Injectable()
export class DeadlinePreview {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly workflows: WorkflowsService,
    private readonly dueDates: DueDates,
    private readonly reminders: ReminderScheduler,
    private readonly clock: Clock,
  ) {}

  async preview(planId: string, deadlines: PlanDeadlines): Promise<DeadlinePreviewResult> {
    const plan = await this.plans.get(planId);
    const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion);
    assertDeadlinesFit(deadlines, workflow);
    const deadlineProblems = await reviewDeadlines(this.db.manager, {
      deadlines,
      workflow,
      rootUnitId: plan.rootUnitId,
      consolidateAt: plan.consolidateAt,
      now: this.clock.now(),
      refusePast: false,
      confirmed: true,
    });
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const moved = await this.dueDates.recompute(runner.manager, { ...plan, deadlines });
      const remindersRescheduled = await this.reminders.countPlanned(
        runner.manager,
        moved.map((t) => t.taskId),
      );
      return { tasksMoved: moved.length, remindersRescheduled, deadlineProblems };
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}
