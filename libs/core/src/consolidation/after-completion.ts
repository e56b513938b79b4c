import { EntityManager } from 'typeorm';
import { appendAuditEvents, closeReportsAt } from '@app/dal';
import { DONE_STAGE } from '@app/domain';

/** The audited action of a report that reached consolidation once its plan was completed. */
export const LATE_AFTER_COMPLETION = 'late_after_completion';

/**
 * A report approved for consolidation after the Standing Committee approved the consolidated
 * report: no new round opens on a completed plan, so the report is closed (moved to done) without
 * entering the approved content, which stays as it was; the completeness table shows it as late
 * and not included. Runs in the caller's transaction, which holds the plan's row lock.
 */
export async function closeAfterCompletion(em: EntityManager, planId: string, reportIds: readonly string[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  const closed = await closeReportsAt(em, reportIds, DONE_STAGE);
  await appendAuditEvents(
    em,
    closed.map((r) => ({
      actorId: null,
      actor: 'system',
      action: LATE_AFTER_COMPLETION,
      planId,
      reportId: r.id,
      fromStage: r.from_stage,
      toStage: DONE_STAGE,
      comment: 'Báo cáo được duyệt sau khi kế hoạch đã hoàn thành: không được tổng hợp vào báo cáo đã được Ban Thường vụ phê duyệt',
    })),
  );
  return closed.length;
}
