/**
 * For an approver of the stage where the unit adopts its report: who signs the adopted document.
 * By default the Bí thư; the committee may name a Phó Bí thư, who signs K/T. Nothing is shown on a
 * task that adopts nothing.
 */
import { api } from './api-client';
import type { TaskSigners } from './api-types';
import { useLoad } from './use-load';

export function SignerChoice({ taskId, value, onChange }: { taskId: string; value: string; onChange: (username: string) => void }) {
  const loaded = useLoad(() => api.get<TaskSigners>(`/api/tasks/${taskId}/signers`), [taskId]);
  const choice = loaded.data;
  if (!choice?.adopting) return null;
  if (choice.signers.length === 0) {
    return <p className="small muted">{choice.unitName} chưa có đồng chí giữ chức vụ Bí thư hoặc Phó Bí thư: văn bản thông qua sẽ không có tên người ký.</p>;
  }
  const byDefault = choice.signers.find((s) => s.username === choice.defaultSigner);
  return (
    <div className="field signer-choice">
      <label htmlFor="signer">Người ký văn bản thông qua</label>
      <select id="signer" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Mặc định{byDefault ? `: ${byDefault.title} ${byDefault.fullName}` : ''}</option>
        {choice.signers.map((s) => (
          <option key={s.username} value={s.username}>
            {s.position === 'pho_bi_thu' ? `K/T Bí thư – ${s.title}` : s.title} {s.fullName}
          </option>
        ))}
      </select>
    </div>
  );
}
