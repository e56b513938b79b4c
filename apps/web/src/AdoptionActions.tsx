/** A member of the Standing Committee decides on the Khối's report from their task: adopt it (thông qua), or return it with a reason. */
import { FormEvent, useState } from 'react';
import { api, errorText } from './api-client';
import type { Task } from './api-types';
import { daysLeftText, formatDateTime } from './format';
import { ErrorBox } from './ui';

export function AdoptionActions({ task, onDone }: { task: Task; onDone: (message: string) => void | Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: 'approve' | 'return', comment?: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/tasks/${task.id}/complete`, comment ? { decision, comment } : { decision });
      await onDone(decision === 'approve' ? 'Đã ghi nhận ý kiến thông qua của đồng chí.' : 'Đã trả lại dự thảo cho tổ giúp việc kèm lý do.');
    } catch (e) {
      setError(`Không thực hiện được: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const giveBack = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Cần ghi rõ lý do trả lại.');
      document.getElementById('adoption-return-reason')?.focus();
      return;
    }
    void decide('return', reason.trim());
  };

  return (
    <section className="card task-actions" aria-labelledby="adoption-title">
      <h2 id="adoption-title">Ý kiến của đồng chí về dự thảo báo cáo tổng hợp</h2>
      <p className="muted">
        Hạn: {formatDateTime(task.dueAt)} · {daysLeftText(task.dueAt)}
      </p>
      <ErrorBox>{error}</ErrorBox>
      <div className="action-grid">
        <div>
          <h3>Thông qua</h3>
          <p className="small muted">Báo cáo được thông qua khi đủ số đồng chí Ban Thường vụ đồng ý theo quy định của kế hoạch.</p>
          <button type="button" onClick={() => void decide('approve')} disabled={busy}>
            Thông qua
          </button>
        </div>
        <form onSubmit={giveBack} noValidate>
          <h3>Trả lại tổ giúp việc</h3>
          <label htmlFor="adoption-return-reason">
            Lý do trả lại{' '}
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          </label>
          <textarea id="adoption-return-reason" required aria-required="true" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={busy}>
            Trả lại
          </button>
        </form>
      </div>
    </section>
  );
}
