/**
 * Nơi nhận: the lines at the foot of a plan's reports, per level. A level left empty prints the
 * usual lines (the committee above, the members, the file copy); the file copy ("Lưu: …") always
 * ends the list, added by the engine when the office leaves it out.
 */
import { FormEvent, useCallback, useState } from 'react';
import { api, errorText } from './api-client';
import type { Plan, PlanRecipientsView, UnitKind } from './api-types';
import { KIND_LABELS } from './format';
import { PlanPicker } from './PlanPicker';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';

const MAX_LINES = 20;
const MAX_LINE_LENGTH = 300;

/** One line per recipient, a leading "- " dropped: what the engine stores. */
function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/^-\s*/, '').trim())
    .filter(Boolean);
}

/** Why a level's text cannot be saved, in the office's words, or null. */
function problemOf(lines: string[]): string | null {
  if (lines.length > MAX_LINES) return `Tối đa ${MAX_LINES} dòng.`;
  const long = lines.findIndex((l) => l.length > MAX_LINE_LENGTH);
  return long >= 0 ? `Dòng ${long + 1} dài quá ${MAX_LINE_LENGTH} ký tự.` : null;
}

/** The form keeps what was typed across the reload after a save; only the printed lines beside it follow the engine. */
function RecipientsForm({ view, onSaved }: { view: PlanRecipientsView; onSaved: () => Promise<void> }) {
  const [texts, setTexts] = useState<Partial<Record<UnitKind, string>>>(() =>
    Object.fromEntries(view.levels.map((l) => [l.kind, (view.recipients?.[l.kind] ?? []).join('\n')])),
  );
  const [problems, setProblems] = useState<Partial<Record<UnitKind, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const recipients: Partial<Record<UnitKind, string[]>> = {};
    const found: Partial<Record<UnitKind, string>> = {};
    for (const level of view.levels) {
      const lines = linesOf(texts[level.kind] ?? '');
      const problem = problemOf(lines);
      if (problem) found[level.kind] = problem;
      else if (lines.length) recipients[level.kind] = lines;
    }
    setProblems(found);
    if (Object.keys(found).length) {
      setError('Chưa lưu: có cấp có nơi nhận chưa hợp lệ (xem ghi chú dưới ô của cấp đó).');
      return;
    }
    try {
      await api.put(`/api/plans/${view.id}/recipients`, { recipients: Object.keys(recipients).length ? recipients : null });
      setSaved('Đã lưu nơi nhận; các văn bản tải về từ nay in theo danh sách mới.');
      await onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <p className="muted small">
        Mỗi dòng một nơi nhận. Để trống một cấp thì báo cáo của cấp đó dùng nơi nhận thông thường. Dòng “Lưu: …” luôn đứng cuối; nếu không nhập, hệ thống tự
        thêm.
      </p>
      {view.levels.map((level) => {
        const id = `recipients-${level.kind}`;
        const problem = problems[level.kind];
        return (
          <fieldset key={level.kind} className="section">
            <legend>{KIND_LABELS[level.kind]}</legend>
            <label htmlFor={id}>Nơi nhận riêng của kế hoạch (mỗi dòng một nơi)</label>
            <textarea
              id={id}
              rows={Math.max(3, (texts[level.kind] ?? '').split('\n').length + 1)}
              value={texts[level.kind] ?? ''}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-printed${problem ? ` ${id}-problem` : ''}`}
              onChange={(e) => setTexts((t) => ({ ...t, [level.kind]: e.target.value }))}
            />
            {problem && (
              <p id={`${id}-problem`} className="error-text small">
                {problem}
              </p>
            )}
            <div id={`${id}-printed`} className="muted small">
              {level.own ? 'Đang in' : 'Đang in nơi nhận thông thường'} (ví dụ báo cáo của {level.exampleUnit}):
              <ul className="printed-lines">
                {level.lines.map((line, i) => (
                  <li key={i}>- {line}</li>
                ))}
              </ul>
            </div>
          </fieldset>
        );
      })}
      <ErrorBox>{error}</ErrorBox>
      <Notice>{saved}</Notice>
      <button type="submit">Lưu nơi nhận</button>
    </form>
  );
}

export function AdminRecipientsPage() {
  const plans = useLoad(() => api.get<Plan[]>('/api/plans'), []);
  const [planId, setPlanId] = useState('');
  const choosePlan = useCallback((id: string) => setPlanId(id), []);
  const view = useLoad(async () => (planId ? api.get<PlanRecipientsView>(`/api/plans/${planId}/recipients`) : undefined), [planId]);

  return (
    <section>
      <PageTitle title="Nơi nhận">Nơi nhận của báo cáo</PageTitle>
      {!plans.data ? <Loading what="kế hoạch" /> : <PlanPicker plans={plans.data} value={planId} onChange={choosePlan} id="recipients-plan" />}
      <ErrorBox>{view.error}</ErrorBox>
      {view.data && view.data.id === planId && <RecipientsForm key={planId} view={view.data} onSaved={view.reload} />}
    </section>
  );
}
