/**
 * Quản trị quy trình: edit the stages of a workflow and save them as a new version, seeing what
 * changes and, on each stage, what is wrong with it before the engine is even asked.
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, errorText } from './api-client';
import type { Plan, Stage, WorkflowVersion } from './api-types';
import { formatDateTime } from './format';
import { Link } from './router';
import { draftProblems, sortProblems } from './stage-problems';
import { StageEditor } from './StageEditor';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';
import { workflowChanges } from './workflow-diff';
import { forgetLatestWorkflow } from './workflow-names';
import './administration.css';

function newStage(existing: Stage[]): Stage {
  let n = 1;
  while (existing.some((s) => s.key === `new_stage_${n}`)) n++;
  const returnTo = existing.find((s) => s.kind === 'draft')?.key;
  return {
    key: `new_stage_${n}`,
    name: 'Bước mới',
    kind: 'approval',
    role: 'reviewer',
    scope: 'root',
    rule: { type: 'any' },
    ...(returnTo ? { returnTo } : {}),
  };
}

export function AdminWorkflowPage() {
  const plans = useLoad(() => api.get<Plan[]>('/api/plans'), []);
  const keys = useMemo(() => [...new Set(['tongket', ...(plans.data ?? []).map((p) => p.workflowKey)])], [plans.data]);
  const [key, setKey] = useState('tongket');
  const versions = useLoad(() => api.get<WorkflowVersion[]>(`/api/workflows/${key}/versions`), [key]);
  const current = useMemo(
    () => (versions.data ?? []).reduce<WorkflowVersion | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined),
    [versions.data],
  );
  const [draft, setDraft] = useState<Stage[]>([]);
  const [insertAfter, setInsertAfter] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<WorkflowVersion | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (current) {
      setDraft(current.stages.map((s) => ({ ...s, rule: { ...s.rule } })));
      setInsertAfter(current.stages[current.stages.length - 2]?.key ?? '');
    }
  }, [current]);

  const changes = useMemo(() => (current ? workflowChanges(current.stages, draft) : []), [current, draft]);
  // What the engine refused on saving, until the draft changes; before that, the same rules checked here.
  const shown = useMemo(() => (problems.length ? sortProblems(problems) : draftProblems(draft)), [problems, draft]);
  const problemCount = shown.general.length + [...shown.byStage.values()].reduce((n, list) => n + list.length, 0);

  const edit = (change: (d: Stage[]) => Stage[]) => {
    setProblems([]);
    setDraft(change);
  };
  const update = (index: number, stage: Stage) => edit((d) => d.map((s, i) => (i === index ? stage : s)));
  const move = (index: number, delta: -1 | 1) =>
    edit((d) => {
      const next = [...d];
      [next[index], next[index + delta]] = [next[index + delta], next[index]];
      return next;
    });
  const remove = (index: number) => edit((d) => d.filter((_, i) => i !== index));
  const add = () =>
    edit((d) => {
      // A stage chosen and then removed from the draft: the new one goes last rather than first.
      const after = d.findIndex((s) => s.key === insertAfter);
      const at = after >= 0 ? after + 1 : d.length;
      return [...d.slice(0, at), newStage(d), ...d.slice(at)];
    });

  const save = async () => {
    setBusy(true);
    setProblems([]);
    setError(null);
    setSaved(null);
    try {
      const created = await api.post<WorkflowVersion>(`/api/workflows/${key}/versions`, { stages: draft });
      forgetLatestWorkflow(key);
      setSaved(created);
      await versions.reload();
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) setProblems(e.problems);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageTitle title="Quy trình">Quản trị quy trình</PageTitle>
      <div className="filters">
        <div className="field">
          <label htmlFor="workflow-key">Quy trình</label>
          <select id="workflow-key" value={key} onChange={(e) => setKey(e.target.value)}>
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        {current && (
          <p className="muted">
            Phiên bản hiện hành: <strong data-testid="current-version">{current.version}</strong>
            {current.createdAt ? ` (tạo lúc ${formatDateTime(current.createdAt)})` : ''}. Lưu sẽ tạo phiên bản mới; các kế hoạch đang chạy giữ phiên bản cũ cho
            đến khi được chuyển.
          </p>
        )}
      </div>
      <ErrorBox>{versions.error}</ErrorBox>
      {!current ? (
        <Loading what="quy trình" />
      ) : (
        <div className="workflow-layout">
          <div>
            {draft.map((stage, index) => (
              <StageEditor
                key={index}
                stage={stage}
                index={index}
                count={draft.length}
                stages={draft}
                problems={shown.byStage.get(index) ?? []}
                onChange={(s) => update(index, s)}
                onMove={(delta) => move(index, delta)}
                onRemove={() => remove(index)}
              />
            ))}
            <div className="toolbar">
              <div className="field">
                <label htmlFor="insert-after">Thêm bước mới sau</label>
                <select id="insert-after" value={insertAfter} onChange={(e) => setInsertAfter(e.target.value)}>
                  {draft.map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.name || s.key}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className="secondary" onClick={add}>
                Thêm bước
              </button>
            </div>
          </div>
          <aside className="card changes" aria-labelledby="changes-title">
            <h2 id="changes-title">Thay đổi so với phiên bản {current.version}</h2>
            {changes.length === 0 ? (
              <p className="muted">Chưa có thay đổi.</p>
            ) : (
              <ul className="change-list">
                {changes.map((c, i) => (
                  <li key={i} className={`change-${c.kind}`}>
                    {c.text}
                  </li>
                ))}
              </ul>
            )}
            {problemCount > 0 && (
              <div className="message error" role="alert">
                <strong>Quy trình chưa hợp lệ ({problemCount} lỗi; lỗi của từng bước ghi ngay tại bước đó).</strong>
                {shown.general.length > 0 && (
                  <ul>
                    {shown.general.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            <ErrorBox>{error}</ErrorBox>
            {saved && (
              <Notice>
                Đã lưu phiên bản {saved.version}. <Link to="/admin/migrations">Chuyển kế hoạch sang phiên bản này</Link>
              </Notice>
            )}
            <button type="button" onClick={save} disabled={busy || changes.length === 0 || problemCount > 0}>
              Lưu thành phiên bản mới
            </button>
          </aside>
        </div>
      )}
    </section>
  );
}
