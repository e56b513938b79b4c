/** Beside a task of the inbox: its report was returned (and why), or where its round's decision stands. */
import type { Task } from './api-types';
import type { InboxTask } from './review-types';
import './review.css';

export function TaskReviewState({ task }: { task: Task }) {
  const t = task as InboxTask;
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
