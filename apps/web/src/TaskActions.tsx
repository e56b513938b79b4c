/**
 * The reader's own open task on a report: approve (at the adopting stage, naming who signs; with a
 * comment if they wish), return with a reason (required), or delegate it. The report page puts it
 * after the report's text, so the text has been on screen before a decision.
 */
import { FormEvent, useState } from 'react';
import { api, errorText } from './api-client';
import type { Task } from './api-types';
import { daysLeftText, formatDateTime, stageLabel } from './format';
import { DelegatePicker } from './PeoplePicker';
import { SignerChoice } from './SignerChoice';
import { ErrorBox } from './ui';

const APPROVE_HINT: Record<string, string> = {
  approval: 'Đồng ý để báo cáo chuyển sang bước tiếp theo khi đủ số người theo quy định.',
  consolidation: 'Hoàn tất tổng hợp: các báo cáo đã tổng hợp chuyển sang hoàn thành, báo cáo tổng hợp được trình Ban Thường vụ.',
  root_approval: 'Phê duyệt báo cáo tổng hợp; kế hoạch hoàn thành khi quá nửa số đồng chí Ban Thường vụ đồng ý.',
};

export function TaskActions({ task, names, onDone }: { task: Task; names: Record<string, string>; onDone: (message: string) => void | Promise<void> }) {
  const [reason, setReason] = useState('');
  const [approvalComment, setApprovalComment] = useState('');
  const [delegateTo, setDelegateTo] = useState('');
  const [signer, setSigner] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, message: string, failure = 'Không thực hiện được') => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await onDone(message);
    } catch (e) {
      setError(`${failure}: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const approve = () => {
    const comment = approvalComment.trim();
    return act(
      () => api.post(`/api/tasks/${task.id}/complete`, { decision: 'approve', ...(signer ? { signer } : {}), ...(comment ? { comment } : {}) }),
      'Đã ghi nhận ý kiến đồng ý của đồng chí.',
    );
  };

  const giveBack = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Cần ghi rõ lý do trả lại.');
      document.getElementById('return-reason')?.focus();
      return;
    }
    void act(() => api.post(`/api/tasks/${task.id}/complete`, { decision: 'return', comment: reason.trim() }), 'Đã trả lại báo cáo kèm lý do.');
  };

  const delegate = (event: FormEvent) => {
    event.preventDefault();
    const username = delegateTo.trim();
    void act(() => api.post(`/api/tasks/${task.id}/delegate`, { username }), `Đã ủy quyền công việc cho ${username}.`, `Không ủy quyền được cho ${username}`);
  };

  return (
    <section className="card task-actions" aria-labelledby="task-actions-title">
      <h2 id="task-actions-title">Công việc của đồng chí: {stageLabel(task.stage, names)}</h2>
      <p className="muted">
        Hạn: {formatDateTime(task.dueAt)} · {daysLeftText(task.dueAt)}
      </p>
      <ErrorBox>{error}</ErrorBox>
      <div className="action-grid">
        <div>
          <h3>Đồng ý</h3>
          <p className="small muted">{APPROVE_HINT[task.stage] ?? APPROVE_HINT[task.kind]}</p>
          <SignerChoice taskId={task.id} value={signer} onChange={setSigner} />
          <label htmlFor="approval-comment">Ý kiến kèm theo (không bắt buộc)</label>
          <textarea id="approval-comment" rows={2} value={approvalComment} onChange={(e) => setApprovalComment(e.target.value)} />
          <button type="button" onClick={() => void approve()} disabled={busy}>
            Đồng ý
          </button>
        </div>
        <form onSubmit={giveBack} noValidate>
          <h3>Trả lại</h3>
          <label htmlFor="return-reason">
            Lý do trả lại{' '}
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          </label>
          <textarea id="return-reason" required aria-required="true" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={busy}>
            Trả lại
          </button>
        </form>
        <form onSubmit={delegate}>
          <h3>Ủy quyền</h3>
          <DelegatePicker taskId={task.id} onChange={setDelegateTo} />
          <button type="submit" className="secondary" disabled={busy}>
            Ủy quyền
          </button>
        </form>
      </div>
    </section>
  );
}
