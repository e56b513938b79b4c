/** Drafting: the report's items by parts I–V with their guidance, the appendix of figures, autosave, and submit. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, errorText } from './api-client';
import type { FigureDefinition, FigureGroup, ItemText, Plan, Report, Task } from './api-types';
import { Autosaver, SaveState } from './autosave';
import { figureEdit, shownFigure } from './figure-input';
import { FiguresForm } from './FiguresForm';
import { formatDateTime, indicatorLabel } from './format';
import { ItemTexts, itemComplete, OutlineEditor } from './OutlineEditor';
import { byOutlinePart } from './outline-labels';
import { RemarksPanel } from './RemarksPanel';
import { Link, navigate } from './router';
import { ErrorBox, Loading, PageTitle } from './ui';
import { useLoad } from './use-load';
import { waitForChange } from './wait-for-change';

const FIGURES_KEY = '__indicators';

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

/** The plan's figures and tables; a plan answered without them (an older engine) shows its names as counts. */
function figuresOf(plan: Plan): { definitions: FigureDefinition[]; groups: FigureGroup[] } {
  if (plan.indicatorDefinitions && plan.indicatorGroups) return { definitions: plan.indicatorDefinitions, groups: plan.indicatorGroups };
  const definitions = plan.indicatorNames.map((key) => ({ key, label: indicatorLabel(key), kind: 'count' as const, unit: '', group: 'general' }));
  return { definitions, groups: [{ key: 'general', title: 'Số liệu', keys: plan.indicatorNames }] };
}

const typedOf = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, shownFigure(v)]));

function DraftingEditor({ report, plan, isDrafting }: { report: Report; plan: Plan; isDrafting: boolean }) {
  const sections = report.sections ?? [];
  const { definitions, groups } = useMemo(() => figuresOf(plan), [plan]);
  const [content, setContent] = useState<Record<string, ItemTexts>>(() =>
    Object.fromEntries(sections.map((s) => [s.key, Object.fromEntries(s.takes.map((t) => [t, s[t] ?? '']))])),
  );
  // The texts as last changed, ahead of the next render: two changes in a row both reach the saver.
  const latest = useRef(content);
  const [typed, setTyped] = useState<Record<string, string>>(() => typedOf(report.indicators));
  const typedNow = useRef(typed);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const missingBox = useRef<HTMLDivElement>(null);

  const saver = useMemo(
    () =>
      new Autosaver<unknown>(
        async (key, value) => {
          if (key === FIGURES_KEY) await api.put(`/api/reports/${report.id}/indicators`, value);
          else await api.put(`/api/reports/${report.id}/sections/${key}`, value);
        },
        (key, state, error) => {
          setStates((s) => ({ ...s, [key]: state }));
          if (state === 'saved') {
            setLastSaved(formatDateTime(new Date()));
            setSaveError(null);
            if (key === FIGURES_KEY) setRefused({});
          }
          if (state === 'error') {
            setSaveError(errorText(error));
            if (key === FIGURES_KEY && error instanceof ApiError) setRefused(error.figureProblems);
          }
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

  const change = (key: string, text: ItemText, value: string) => {
    const next = { ...latest.current[key], [text]: value };
    latest.current = { ...latest.current, [key]: next };
    setContent(latest.current);
    saver.change(key, next);
    const section = sections.find((s) => s.key === key);
    if (section && missing.includes(key) && itemComplete(section, next)) setMissing((m) => m.filter((k) => k !== key));
  };

  const changeFigure = (key: string, text: string) => {
    typedNow.current = { ...typedNow.current, [key]: text };
    setTyped(typedNow.current);
    setRefused(({ [key]: _, ...rest }) => rest);
    saver.change(FIGURES_KEY, figureEdit(definitions, typedNow.current));
  };

  const uploaded = (answer: Report) => {
    typedNow.current = typedOf(answer.indicators);
    setTyped(typedNow.current);
    setRefused({});
    setLastSaved(formatDateTime(new Date()));
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
          <strong>Chưa nộp được: các mục bắt buộc sau còn thiếu nội dung</strong>
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
      <RemarksPanel report={report} />
      <div className="drafting-layout">
        <nav className="toc card" aria-label="Các mục của đề cương">
          {byOutlinePart(sections).map((group, g) => (
            <div key={group.heading ?? g}>
              {group.heading && <p className="toc-part small">{group.heading}</p>}
              <ul>
                {group.items.map((s) => (
                  <li key={s.key} className={missing.includes(s.key) ? 'missing' : undefined}>
                    <a href={`#editor-${s.key}`}>{s.title}</a>
                    {s.required && !itemComplete(s, content[s.key]) && <span className="required-mark" aria-label="bắt buộc, chưa đủ"> *</span>}
                    {itemComplete(s, content[s.key]) && <span className="done-mark" aria-label="đã đủ phần bắt buộc"> ✓</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="toc-part small">
            <a href="#figures-title">PHỤ LỤC SỐ LIỆU</a>
          </p>
        </nav>
        <div className="editors">
          <OutlineEditor sections={sections} content={content} states={states} missing={missing} editable={isDrafting} onChange={change} />
          <FiguresForm
            report={report}
            definitions={definitions}
            groups={groups}
            typed={typed}
            refused={refused}
            editable={isDrafting}
            onChange={changeFigure}
            flush={() => saver.flush()}
            onUploaded={uploaded}
          />
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
