import { EntityManager } from 'typeorm';
import { deadlineOrderProblems, DeadlineProblem, DomainError, pastDeadlines, PlanDeadlines, UnitKind, WorkflowDefinition } from '@app/domain';
import { planRootUnitKind } from '@app/dal';

export interface DeadlineReview {
  deadlines: PlanDeadlines;
  workflow: WorkflowDefinition;
  rootUnitId: string;
  consolidateAt: readonly UnitKind[];
  now: Date;
  /** A new plan cannot be held to a date already past; a running plan's edit may keep passed ones. */
  refusePast: boolean;
  /** The caller's explicit `confirmDeadlines: true`: the deadlines are meant as given. */
  confirmed: boolean;
}

/**
 * Deadlines in the past (for a new plan) or out of the order the work happens in are refused (400,
 * naming each field, in Vietnamese) unless the caller confirms them: a historical plan entered
 * afterwards, or a schedule the administrator wants as it is. Answers what was confirmed, for the
 * audit trail.
 */
export async function reviewDeadlines(em: EntityManager, review: DeadlineReview): Promise<DeadlineProblem[]> {
  const rootKind = await planRootUnitKind(em, review.rootUnitId);
  const problems = [
    ...(review.refusePast ? pastDeadlines(review.deadlines, review.now) : []),
    ...deadlineOrderProblems({ deadlines: review.deadlines, stages: review.workflow.stages, rootKind, consolidateAt: review.consolidateAt }),
  ];
  if (problems.length && !review.confirmed) throw deadlinesRefused(problems);
  return problems;
}

function deadlinesRefused(problems: DeadlineProblem[]): DomainError {
  const listed = problems.map((p) => p.message).join('; ');
  return new DomainError(
    'INVALID',
    `Thời hạn chưa hợp lệ: ${listed}. Nếu đúng là như vậy (một kế hoạch đã diễn ra, hay một lịch được định như thế), gửi lại kèm "confirmDeadlines": true.`,
    { deadlineProblems: problems },
  );
}
