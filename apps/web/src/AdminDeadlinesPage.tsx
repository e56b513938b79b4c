/**
 * Thời hạn: a plan's due date per level and stage, picked as date and time in Hanoi time. Before
 * saving, the engine previews what the change moves (open tasks, reminders still to come) and which
 * deadlines run against the order of the work, each named as the level calls its stage.
 */
import { FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { stageLabel } from '../../../libs/domain/src/stage-labels';
import { toVietnamIso } from '../../../libs/domain/src/vietnam-time';
import { ApiError, api, errorText } from './api-client';
import type { Plan, PlanDeadlines, Stage, UnitKind } from './api-types';
import { formatDateTime, KIND_LABELS } from './format';
import { PlanPicker } from './PlanPicker';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';
import { workflowVersion } from './workflow-names';
import { ScrollRegion } from './ScrollRegion';
import './administration.css';

const LEVELS: UnitKind[] = ['cell', 'grassroots', 'upper', 'bloc'];
/** The preview follows the grid once the administrator pauses. */
const PREVIEW_PAUSE_MS = 400;

interface DeadlineProblem {
  field: string;
  message: string;
}

interface Preview {
  tasksMoved: number;
  remindersRescheduled: number;
  deadlineProblems: DeadlineProblem[];
}

/** A stored instant as a datetime-local input shows it: Hanoi's wall clock, whatever the browser's zone. */
function toInput(at: string): string {
  return toVietnamIso(new Date(at)).slice(0, 16);
}

/** A datetime-local value read as Hanoi time (UTC+7 all year). */
function fromInput(value: string): string {
  return `${value}:00+07:00`;
}

function cellsOf(deadlines: PlanDeadlines): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const level of LEVELS) for (const [stage, at] of Object.entries(deadlines[level] ?? {})) cells[`${level}.${stage}`] = toInput(at);
  return cells;
}

function deadlinesOf(cells: Record<string, string>): PlanDeadlines {
  const deadlines: PlanDeadlines = {};
  for (const [id, value] of Object.entries(cells)) {
    if (!value) continue;
    const [level, stage] = id.split('.') as [UnitKind, string];
    (deadlines[level] ??= {})[stage] = fromInput(value);
  }
  return deadlines;
}

/** The engine's message without the field's code it starts with ("deadlines.cell.drafting: …"). */
const withoutField = (message: string) => message.replace(/^deadlines\.[\w.]+: /, '');

function DeadlinesForm({ plan, stages, onSaved }: { plan: Plan; stages: Stage[]; onSaved: () => Promise<void> }) {
  const saved = useMemo(() => cellsOf(plan.deadlines), [plan.deadlines]);
  const [cells, setCells] = useState(saved);
  /** Cells whose date or time is only partly entered: the browser holds no value for them. */
  const [incomplete, setIncomplete] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  /** Deadlines out of order the engine refused on saving: saved only once confirmed. */
  const [refused, setRefused] = useState<DeadlineProblem[]>([]);
  const changed = Object.keys({ ...saved, ...cells }).some((id) => (saved[id] ?? '') !== (cells[id] ?? ''));

  // The data cut-off (chốt số liệu) of a consolidating level's collection, just before its consolidation.
  const consolidationAt = stages.findIndex((s) => s.kind === 'consolidation');
  const columns =
    consolidationAt < 0
      ? stages
      : [...stages.slice(0, consolidationAt), { key: 'collection', name: 'Chốt số liệu tổng hợp' }, ...stages.slice(consolidationAt)];
  // Named as each level names the stage ("Đảng ủy thông qua"…); the header for every level at once.
  const nameAt = (key: string, level?: UnitKind) => stageLabel(key, { stages, level });
  const fieldName = (id: string) => {
    const [level, stage] = id.replace(/^deadlines\./, '').split('.') as [UnitKind, string];
    return `Hạn ${nameAt(stage, level)}, ${KIND_LABELS[level] ?? level}`;
  };

  useEffect(() => {
    setPreview(null);
    if (!changed || incomplete.length) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<Preview>(`/api/plans/${plan.id}/deadlines/preview`, { deadlines: deadlinesOf(cells) })
        .then((answer) => {
          if (!live) return;
          setPreview(answer);
          setError(null);
        })
        .catch((e) => live && setError(errorText(e)));
    }, PREVIEW_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [cells, changed, incomplete.length, plan.id]);

  const save = async (event: FormEvent, confirmDeadlines = false) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    setRefused([]);
    if (incomplete.length) {
      setError(`Chưa nhập đủ ngày và giờ: ${incomplete.map(fieldName).join('; ')}.`);
      document.getElementById(`deadline-${incomplete[0]}`)?.focus();
      return;
    }
    const deadlines = deadlinesOf(cells);
    try {
      await api.put(`/api/plans/${plan.id}/deadlines`, confirmDeadlines ? { deadlines, confirmDeadlines } : { deadlines });
      setDone('Đã lưu thời hạn; các nhắc việc chưa gửi được xếp lại theo hạn mới.');
      await onSaved();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.body.deadlineProblems) ? (e.body.deadlineProblems as DeadlineProblem[]) : [];
      if (problems.length) setRefused(problems);
      else setError(errorText(e));
    }
  };

  const warned = refused.length ? refused : (preview?.deadlineProblems ?? []);
  const flagged = new Set([...incomplete, ...warned.map((p) => p.field.replace(/^deadlines\./, ''))]);

  return (
    <form onSubmit={save} noValidate>
      <p className="muted small">
        Chọn ngày và giờ theo giờ Hà Nội; để trống nếu bước đó không có hạn ở cấp đó. “Chốt số liệu tổng hợp”: lúc cấp tổng hợp ngừng chờ báo cáo cấp dưới
        (trước hạn tổng hợp); để trống thì chốt đúng hạn tổng hợp.
      </p>
      <ScrollRegion label="Bảng thời hạn theo cấp và bước">
        <table className="deadline-grid">
          <thead>
            <tr>
              <th scope="col">Cấp</th>
              {columns.map((s) => (
                <th scope="col" key={s.key}>
                  {nameAt(s.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((level) => (
              <tr key={level}>
                <th scope="row">{KIND_LABELS[level]}</th>
                {columns.map((s) => {
                  const id = `${level}.${s.key}`;
                  return (
                    <td key={s.key}>
                      <label className="visually-hidden" htmlFor={`deadline-${id}`}>
                        {fieldName(id)}
                      </label>
                      <input
                        id={`deadline-${id}`}
                        type="datetime-local"
                        value={cells[id] ?? ''}
                        aria-invalid={flagged.has(id)}
                        onChange={(e) => {
                          const { value, validity } = e.target;
                          setCells((c) => ({ ...c, [id]: value }));
                          setIncomplete((list) => (validity.badInput ? [...new Set([...list, id])] : list.filter((x) => x !== id)));
                        }}
                      />
                      {/* The picker speaks the browser's language; this says the date as the office reads it. */}
                      {cells[id] && (
                        <span className="deadline-said muted small" aria-hidden="true">
                          {formatDateTime(fromInput(cells[id]))}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ErrorBox>{error}</ErrorBox>
      {incomplete.length > 0 && (
        <div className="message error" role="alert">
          <strong>Chưa nhập đủ ngày và giờ:</strong>
          <ul>
            {incomplete.map((id) => (
              <li key={id}>{fieldName(id)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <div className="message info deadline-preview" role="status" aria-live="polite">
          <strong>Nếu lưu thay đổi này:</strong>
          <dl>
            <dt>Công việc đang mở được đổi hạn</dt>
            <dd data-testid="preview-tasks">{preview.tasksMoved}</dd>
            <dt>Nhắc việc, báo quá hạn được xếp lại</dt>
            <dd data-testid="preview-reminders">{preview.remindersRescheduled}</dd>
          </dl>
        </div>
      )}
      {warned.length > 0 && (
        <div className="message warning" role="alert">
          <strong>Các thời hạn sau chưa theo đúng trình tự công việc (dự thảo, thông qua, thẩm định, tổng hợp):</strong>
          <ul>
            {warned.map((p) => (
              <li key={p.field}>
                <strong>{fieldName(p.field)}</strong>: {withoutField(p.message)}
              </li>
            ))}
          </ul>
          {refused.length > 0 && (
            <>
              <p>Nếu đúng là như vậy, xác nhận để lưu.</p>
              <button type="button" className="secondary" onClick={(e) => void save(e, true)}>
                Xác nhận và lưu thời hạn
              </button>
            </>
          )}
        </div>
      )}
      <Notice>{done}</Notice>
      <button type="submit">Lưu thời hạn</button>
    </form>
  );
}

export function AdminDeadlinesPage() {
  const plans = useLoad(() => api.get<Plan[]>('/api/plans'), []);
  const [planId, setPlanId] = useState('');
  const choosePlan = useCallback((id: string) => setPlanId(id), []);
  const data = useLoad(async () => {
    if (!planId) return undefined;
    const plan = await api.get<Plan>(`/api/plans/${planId}`);
    return { plan, workflow: await workflowVersion(plan.workflowKey, plan.workflowVersion) };
  }, [planId]);

  return (
    <section>
      <PageTitle title="Thời hạn">Thời hạn của kế hoạch</PageTitle>
      {!plans.data ? <Loading what="kế hoạch" /> : <PlanPicker plans={plans.data} value={planId} onChange={choosePlan} />}
      <ErrorBox>{data.error}</ErrorBox>
      {data.data && data.data.plan.id === planId && (
        <DeadlinesForm key={planId} plan={data.data.plan} stages={data.data.workflow.stages} onSaved={data.reload} />
      )}
    </section>
  );
}
