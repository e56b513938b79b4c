import { EntityManager } from 'typeorm';
import { appendAuditEvents } from '@app/dal';
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
  const closed: { id: string; from_stage: string }[] = await em
    .query(
      `UPDATE reports r SET stage = $2, round = r.round + 1, version = r.version + 1, due_at = NULL, unassigned = false,
            stage_entered_at = now(), updated_at = now()
       FROM reports before WHERE before.id = r.id AND r.id = ANY($1::uuid[]) AND r.stage <> $2
     RETURNING r.id, before.stage AS from_stage`,
      [reportIds, DONE_STAGE],
    )
    .then((result) => result[0]);
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
