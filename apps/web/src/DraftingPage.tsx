/** Drafting: an editor per outline section (five parts), the figures, autosave, and submit. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, errorText } from './api-client';
import type { Part, Plan, Report, SectionParts, Task } from './api-types';
import { PARTS } from './api-types';
import { Autosaver, SaveState } from './autosave';
import { formatDateTime, indicatorLabel, PART_LABELS, REQUIRED_PARTS } from './format';
import { Link, navigate } from './router';
import { ErrorBox, Loading, PageTitle } from './ui';
import { useLoad } from './use-load';
import { waitForChange } from './wait-for-change';

const INDICATORS_KEY = '__indicators';
const STATE_TEXT: Record<SaveState, string> = { pending: 'Chưa lưu…', saving: 'Đang lưu…', saved: 'Đã lưu', error: 'Lưu không được' };

function emptyParts(): SectionParts {
  return { strengths: '', limitations: '', causes: '', lessons: '', directions: '' };
}

export function DraftingPage({ reportId }: { reportId: string }) {
  const loaded = useLoad(async () => {
    const report = await api.get<Report>(`/api/reports/${reportId}`);
    const [plan, tasks] = await Promise.all([api.get<Plan>(`/api/plans/${report.planId}`), api.get<Task[]>('/api/tasks?state=open')]);
    return { report, plan, canEdit: tasks.some((t) => t.reportId === reportId && t.kind === 'draft') };
  }, [reportId]);
  if (!loaded.data) return loaded.error ? <ErrorBox>{loaded.error}</ErrorBox> : <Loading what="báo cáo" />;
  const { report, plan, canEdit } = loaded.data;
  return <DraftingEditor key={report.updatedAt} report={report} plan={plan} isDrafting={canEdit} />;
}

function DraftingEditor({ report, plan, isDrafting }: { report: Report; plan: Plan; isDrafting: boolean }) {
  const sections = report.sections ?? [];
  const [content, setContent] = useState<Record<string, SectionParts>>(() =>
    Object.fromEntries(sections.map((s) => [s.key, Object.fromEntries(PARTS.map((p) => [p, s[p] ?? ''])) as SectionParts])),
  );
  const indicatorNames = useMemo(() => [...new Set([...(plan.indicatorNames ?? []), ...Object.keys(report.indicators)])], [plan, report]);
  const [figures, setFigures] = useState<Record<string, string>>(() =>
    Object.fromEntries(indicatorNames.map((n) => [n, report.indicators[n] === undefined ? '' : String(report.indicators[n])])),
  );
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const missingBox = useRef<HTMLDivElement>(null);

  const saver = useMemo(
    () =>
      new Autosaver<SectionParts | Record<string, number>>(
        async (key, value) => {
          if (key === INDICATORS_KEY) await api.put(`/api/reports/${report.id}/indicators`, value);
          else await api.put(`/api/reports/${report.id}/sections/${key}`, value);
        },
        (key, state, error) => {
          setStates((s) => ({ ...s, [key]: state }));
          if (state === 'saved') {
            setLastSaved(formatDateTime(new Date()));
            setSaveError(null);
          }
          if (state === 'error') setSaveError(errorText(error));
        },
      ),
    [report.id],
  );
  // Leaving the page saves what is still pending; closing the tab with unsaved text asks first.
  useEffect(() => () => void saver.flush().catch(() => undefined), [saver]);
  const unsaved = Object.values(states).some((state) => state !== 'saved');
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const change = (key: string, part: Part, text: string) => {
    const next = { ...(content[key] ?? emptyParts()), [part]: text };
    setContent((c) => ({ ...c, [key]: next }));
    saver.change(key, next);
    if (missing.includes(key) && next.strengths.trim() && next.limitations.trim()) setMissing((m) => m.filter((k) => k !== key));
  };

  const changeFigure = (name: string, text: string) => {
    const next = { ...figures, [name]: text };
    setFigures(next);
    const numbers = Object.fromEntries(
      Object.entries(next)
        .filter(([, v]) => /^\d+$/.test(v.trim()))
        .map(([k, v]) => [k, Number(v)]),
    );
    saver.change(INDICATORS_KEY, numbers);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    setMissing([]);
    try {
      await saver.flush();
      await api.post(`/api/reports/${report.id}/submit`);
      await waitForChange(async () => (await api.get<Report>(`/api/reports/${report.id}`)).stage !== report.stage);
      navigate(`/reports/${report.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.missing.length) {
        setMissing(e.missing);
        setTimeout(() => missingBox.current?.focus(), 0);
      } else setSubmitError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  const titleOf = (key: string) => sections.find((s) => s.key === key)?.title ?? key;
  const sectionState = (key: string) => states[key];
  const complete = (key: string) => !!content[key]?.strengths.trim() && !!content[key]?.limitations.trim();

  return (
    <section className="drafting">
      <p className="breadcrumb">
        <Link to={`/reports/${report.id}`}>Báo cáo {report.unitCode}</Link> › Soạn thảo
      </p>
      <PageTitle title={`Soạn thảo ${report.unitCode}`}>Soạn thảo báo cáo – {report.unitName ?? report.unitCode}</PageTitle>
      {!isDrafting && (
        <div className="message info" role="note">
          Đồng chí không có công việc soạn thảo báo cáo này ở bước hiện tại, nên không sửa được. <Link to={`/reports/${report.id}`}>Xem báo cáo</Link>
        </div>
      )}
      {report.lastReturnReason && isDrafting && (
        <div className="message warning" role="note">
          <strong>Báo cáo bị trả lại, lý do:</strong> <span className="return-reason">{report.lastReturnReason}</span>
        </div>
      )}
      <p className="muted small">
        Các phần có dấu <span className="required-mark">*</span> là bắt buộc. Nội dung được lưu tự động sau mỗi lần sửa.
      </p>
      <div className="save-status" role="status" aria-live="polite">
        {saveError ? <span className="error-text">Lưu không được: {saveError}</span> : lastSaved ? `Đã lưu tự động lúc ${lastSaved}` : 'Chưa có thay đổi'}
      </div>
      {missing.length > 0 && (
        <div className="message error" role="alert" tabIndex={-1} ref={missingBox} data-testid="missing-parts">
          <strong>Chưa nộp được: các mục bắt buộc sau còn thiếu ưu điểm hoặc hạn chế</strong>
          <ul>
            {missing.map((key) => (
              <li key={key}>
                <a href={`#editor-${key}`}>{titleOf(key)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorBox>{submitError}</ErrorBox>
      <div className="drafting-layout">
        <nav className="toc card" aria-label="Các mục của đề cương">
          <ol>
            {sections.map((s) => (
              <li key={s.key} className={missing.includes(s.key) ? 'missing' : undefined}>
                <a href={`#editor-${s.key}`}>{s.title}</a>
                {s.required && !complete(s.key) && <span className="required-mark" aria-label="bắt buộc, chưa đủ"> *</span>}
                {complete(s.key) && <span className="done-mark" aria-label="đã đủ phần bắt buộc"> ✓</span>}
              </li>
            ))}
          </ol>
        </nav>
        <div className="editors">
          {sections.map((s, index) => (
            <fieldset key={s.key} id={`editor-${s.key}`} className={`section card ${missing.includes(s.key) ? 'missing' : ''}`} disabled={!isDrafting}>
              <legend>
                {index + 1}. {s.title}
              </legend>
              <div className="section-state small muted" aria-live="off">
                {sectionState(s.key) ? STATE_TEXT[sectionState(s.key)!] : ''}
              </div>
              {PARTS.map((part) => {
                const required = s.required && REQUIRED_PARTS.includes(part);
                const id = `${s.key}-${part}`;
                const empty = !content[s.key]?.[part].trim();
                return (
                  <div key={part} className="field">
                    <label htmlFor={id}>
                      {PART_LABELS[part]}
                      {required && (
                        <>
                          <span className="required-mark" aria-hidden="true"> *</span>
                          <span className="visually-hidden"> (bắt buộc)</span>
                        </>
                      )}
                    </label>
                    <textarea
                      id={id}
                      rows={3}
                      value={content[s.key]?.[part] ?? ''}
                      aria-required={required}
                      aria-invalid={required && empty && missing.includes(s.key)}
                      onChange={(e) => change(s.key, part, e.target.value)}
                    />
                  </div>
                );
              })}
            </fieldset>
          ))}
          <fieldset className="card" disabled={!isDrafting}>
            <legend>Số liệu</legend>
            <div className="figures">
              {indicatorNames.map((name) => (
                <div key={name} className="field">
                  <label htmlFor={`figure-${name}`}>{indicatorLabel(name)}</label>
                  <input
                    id={`figure-${name}`}
                    inputMode="numeric"
                    pattern="\d*"
                    value={figures[name] ?? ''}
                    onChange={(e) => changeFigure(name, e.target.value)}
                    aria-invalid={!!figures[name] && !/^\d+$/.test(figures[name].trim())}
                  />
                </div>
              ))}
            </div>
          </fieldset>
          <div className="submit-bar">
            <button type="button" onClick={submit} disabled={!isDrafting || submitting}>
              {submitting ? 'Đang nộp…' : 'Nộp báo cáo'}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
