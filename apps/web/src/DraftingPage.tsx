/**
 * Drafting: the report's items by parts I–V with their guidance, the appendix of figures, autosave,
 * and submit. What is typed is kept in the browser until the engine has it (local-drafts.ts) and
 * saved again by itself once the engine answers after a lost connection.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, errorText } from './api-client';
import type { FigureDefinition, FigureGroup, ItemText, Plan, Report, Task } from './api-types';
import { Autosaver, SaveState } from './autosave';
import { onReconnect } from './connection';
import { DraftingActionBar } from './DraftingActionBar';
import './drafting.css';
import { figureEdit, shownFigure } from './figure-input';
import { FiguresForm } from './FiguresForm';
import { formatDateTime, indicatorLabel } from './format';
import { LocalDrafts } from './local-drafts';
import { MissingSummary } from './MissingSummary';
import { ItemTexts, itemComplete, OutlineEditor } from './OutlineEditor';
import { byOutlinePart } from './outline-labels';
import { RemarksPanel } from './RemarksPanel';
import { Link, navigate } from './router';
import { useSession } from './session';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';
import { waitForChange } from './wait-for-change';

const FIGURES_KEY = '__indicators';

export function DraftingPage({ reportId }: { reportId: string }) {
  const { me } = useSession();
  const loaded = useLoad(async () => {
    const report = await api.get<Report>(`/api/reports/${reportId}`);
    const [plan, tasks] = await Promise.all([api.get<Plan>(`/api/plans/${report.planId}`), api.get<Task[]>('/api/tasks?state=open')]);
    return { report, plan, canEdit: tasks.some((t) => t.reportId === reportId && t.kind === 'draft') };
  }, [reportId]);
  if (!loaded.data) return loaded.error ? <ErrorBox>{loaded.error}</ErrorBox> : <Loading what="báo cáo" />;
  const { report, plan, canEdit } = loaded.data;
  return <DraftingEditor key={report.updatedAt} report={report} plan={plan} isDrafting={canEdit} userId={me!.id} />;
}

/** The plan's figures and tables; a plan answered without them (an older engine) shows its names as counts. */
function figuresOf(plan: Plan): { definitions: FigureDefinition[]; groups: FigureGroup[] } {
  if (plan.indicatorDefinitions && plan.indicatorGroups) return { definitions: plan.indicatorDefinitions, groups: plan.indicatorGroups };
  const definitions = plan.indicatorNames.map((key) => ({ key, label: indicatorLabel(key), kind: 'count' as const, unit: '', group: 'general' }));
  return { definitions, groups: [{ key: 'general', title: 'Số liệu', keys: plan.indicatorNames }] };
}

const typedOf = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, shownFigure(v)]));

type Kept = ItemTexts | Record<string, string>;

/** The same texts or figures whatever order their keys were written in; an empty text is no text. */
function sameTexts(a: Kept, b: Kept): boolean {
  const filled = (value: Kept) =>
    Object.entries(value)
      .filter(([, text]) => !!text)
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(filled(a)) === JSON.stringify(filled(b));
}

/**
 * What this browser kept of the report and the engine does not have yet: only while the person
 * drafts it (kept text of a report no longer theirs to edit is dropped), and only what differs.
 */
function keptChanges(drafts: LocalDrafts<Kept>, isDrafting: boolean, server: Record<string, Kept>): Map<string, { value: Kept; at: string }> {
  const kept = drafts.all();
  if (!isDrafting) {
    drafts.forgetAll();
    return new Map();
  }
  for (const [key, draft] of kept) {
    if (!(key in server) || sameTexts(draft.value, server[key])) {
      drafts.forget(key);
      kept.delete(key);
    }
  }
  return kept;
}

function DraftingEditor({ report, plan, isDrafting, userId }: { report: Report; plan: Plan; isDrafting: boolean; userId: string }) {
  const sections = report.sections ?? [];
  const { definitions, groups } = useMemo(() => figuresOf(plan), [plan]);
  const drafts = useMemo(() => new LocalDrafts<Kept>(userId, report.id), [userId, report.id]);
  const [restored] = useState(() => {
    const server: Record<string, Kept> = Object.fromEntries(sections.map((s) => [s.key, Object.fromEntries(s.takes.map((t) => [t, s[t] ?? '']))]));
    server[FIGURES_KEY] = typedOf(report.indicators);
    return { server, kept: keptChanges(drafts, isDrafting, server) };
  });
  const [content, setContent] = useState<Record<string, ItemTexts>>(() =>
    Object.fromEntries(sections.map((s) => [s.key, (restored.kept.get(s.key)?.value ?? restored.server[s.key]) as ItemTexts])),
  );
  // The texts as last changed, ahead of the next render: two changes in a row both reach the saver.
  const latest = useRef(content);
  const [typed, setTyped] = useState<Record<string, string>>(
    () => (restored.kept.get(FIGURES_KEY)?.value ?? restored.server[FIGURES_KEY]) as Record<string, string>,
  );
  const typedNow = useRef(typed);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const submitButton = useRef<HTMLButtonElement>(null);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

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
            drafts.forget(key);
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
    [report.id, drafts],
  );
  // Leaving the page saves what is still pending; closing the tab with unsaved text asks first.
  useEffect(() => () => void saver.flush().catch(() => undefined), [saver]);
  // What was put back from this browser goes to the engine; what waited for the connection goes once it is back.
  useEffect(() => {
    for (const [key, draft] of restored.kept)
      saver.change(key, key === FIGURES_KEY ? figureEdit(definitions, draft.value as Record<string, string>) : draft.value);
    return onReconnect(() => void saver.flush().catch(() => undefined));
  }, [saver, restored, definitions]);
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
    drafts.keep(key, next);
    saver.change(key, next);
    const section = sections.find((s) => s.key === key);
    if (section && missing.includes(key) && itemComplete(section, next)) setMissing((m) => m.filter((k) => k !== key));
  };

  const changeFigure = (key: string, text: string) => {
    typedNow.current = { ...typedNow.current, [key]: text };
    setTyped(typedNow.current);
    drafts.keep(FIGURES_KEY, typedNow.current);
    setRefused(({ [key]: _, ...rest }) => rest);
    saver.change(FIGURES_KEY, figureEdit(definitions, typedNow.current));
  };

  const uploaded = (answer: Report) => {
    typedNow.current = typedOf(answer.indicators);
    setTyped(typedNow.current);
    setRefused({});
    drafts.forget(FIGURES_KEY);
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
      if (e instanceof ApiError && e.status === 422 && e.missing.length) setMissing(e.missing);
      else setSubmitError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  const titleOf = (key: string) => sections.find((s) => s.key === key)?.title ?? key;
  const done = sections.filter((s) => itemComplete(s, content[s.key])).length;

  const toggle = (key: string) =>
    setCollapsed((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const foldAll = (fold: boolean) => setCollapsed(new Set(fold ? sections.map((s) => s.key) : []));

  /** To an item from the list of missing ones or the table of contents: opened, its first empty required field focused. */
  const jumpTo = (key: string) => {
    setCollapsed((now) => new Set([...now].filter((k) => k !== key)));
    setTimeout(() => {
      const fields = [...document.querySelectorAll<HTMLTextAreaElement>(`#editor-${key} textarea`)];
      const field = fields.find((f) => f.getAttribute('aria-required') === 'true' && !f.value.trim()) ?? fields[0];
      const target = field ?? document.getElementById(`editor-${key}`);
      target?.scrollIntoView({ block: 'center' });
      (field ?? target)?.focus({ preventScroll: true });
    }, 0);
  };

  /** The skip link: past every field, to the submit button (or the bar, when there is nothing to submit). */
  const toActions = () => {
    const bar = document.getElementById('action-bar');
    bar?.scrollIntoView({ block: 'end' });
    (submitButton.current && !submitButton.current.disabled ? submitButton.current : bar)?.focus({ preventScroll: true });
  };
  const keptCount = restored.kept.size;
  const keptAt = keptCount
    ? formatDateTime(
        new Date(
          [...restored.kept.values()]
            .map((k) => k.at)
            .sort()
            .at(-1)!,
        ),
      )
    : '';

  return (
    <section className="drafting">
      <a
        className="skip-to-actions"
        href="#action-bar"
        onClick={(event) => {
          event.preventDefault();
          toActions();
        }}
      >
        Bỏ qua các mục, đến thanh nộp báo cáo
      </a>
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
      {keptCount > 0 && (
        <Notice>
          Đã khôi phục nội dung chưa kịp lưu của {keptCount} mục (soạn lúc {keptAt}) từ trình duyệt này; nội dung đó đang được lưu lên hệ thống.
        </Notice>
      )}
      <p className="muted small">
        Các phần có dấu <span className="required-mark">*</span> là bắt buộc. Nội dung được lưu tự động sau mỗi lần sửa. Viết danh sách bằng các dòng bắt đầu
        bằng “- ” hoặc “1. ”, bảng bằng các dòng có ô ngăn cách bởi dấu “|”: tệp .docx giữ nguyên danh sách và bảng.
      </p>
      <MissingSummary missing={missing.map((key) => ({ key, title: titleOf(key) }))} onJump={jumpTo} />
      <ErrorBox>{submitError}</ErrorBox>
      <RemarksPanel report={report} />
      <div className="drafting-layout">
        <nav className="toc card" aria-label="Các mục của đề cương">
          <p className="fold-all small">
            <button type="button" className="link" onClick={() => foldAll(true)}>
              Thu gọn tất cả
            </button>{' '}
            ·{' '}
            <button type="button" className="link" onClick={() => foldAll(false)}>
              Mở tất cả
            </button>
          </p>
          {byOutlinePart(sections).map((group, g) => (
            <div key={group.heading ?? g}>
              {group.heading && <p className="toc-part small">{group.heading}</p>}
              <ul>
                {group.items.map((s) => (
                  <li key={s.key} className={missing.includes(s.key) ? 'missing' : undefined}>
                    <a
                      href={`#editor-${s.key}`}
                      onClick={(event) => {
                        event.preventDefault();
                        jumpTo(s.key);
                      }}
                    >
                      {s.title}
                    </a>
                    {s.required && !itemComplete(s, content[s.key]) && (
                      <span className="required-mark" aria-label="bắt buộc, chưa đủ">
                        {' '}
                        *
                      </span>
                    )}
                    {itemComplete(s, content[s.key]) && (
                      <span className="done-mark" aria-label="đã đủ phần bắt buộc">
                        {' '}
                        ✓
                      </span>
                    )}
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
          <OutlineEditor
            sections={sections}
            content={content}
            states={states}
            missing={missing}
            editable={isDrafting}
            collapsed={collapsed}
            onToggle={toggle}
            onChange={change}
          />
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
        </div>
      </div>
      <DraftingActionBar
        ref={submitButton}
        done={done}
        total={sections.length}
        saveText={saveError ? `Lưu không được: ${saveError}` : lastSaved ? `Đã lưu tự động lúc ${lastSaved}` : unsaved ? 'Đang lưu…' : 'Chưa có thay đổi'}
        saveFailed={saveError !== null}
        refusal={missing.length ? `Chưa nộp được: còn ${missing.length} mục bắt buộc chưa đủ (danh sách ở đầu trang).` : null}
        canSubmit={isDrafting}
        submitting={submitting}
        onSubmit={() => void submit()}
      />
    </section>
  );
}
