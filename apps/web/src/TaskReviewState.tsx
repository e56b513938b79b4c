/** Beside a task of the inbox: its report was returned (and why), or where its round's decision stands. */
import type { Task } from './api-types';
import './review.css';

/** The task view carries what the engine adds about the task's report: returned and why, where its round stands. */
export function TaskReviewState({ task: t }: { task: Task }) {
  if (t.kind === 'draft' && (t.returnedCount ?? 0) > 0) {
    return (
      <div className="task-returned">
        <span className="badge returned-badge">Bị trả lại</span>
        {t.lastReturnReason && <p className="returned-reason small">Lý do: {t.lastReturnReason}</p>}
      </div>
    );
  }
  if (t.kind === 'approval' && typeof t.roundSeats === 'number' && t.roundSeats > 0) {
    return <span className="round-state muted small">{`${t.roundApprovals ?? 0}/${t.roundSeats} đã đồng ý`}</span>;
  }
  return null;
}
