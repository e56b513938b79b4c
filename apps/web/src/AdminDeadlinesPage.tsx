/** Thời hạn: a plan's due date per level and stage, typed as dd/mm/yyyy hh:mm in Hanoi time. */
import { FormEvent, useCallback, useState } from 'react';
import { stageLabel } from '../../../libs/domain/src/stage-labels';
import { ApiError, api, errorText } from './api-client';
import type { Plan, PlanDeadlines, Stage, UnitKind } from './api-types';
import { formatDateTime, KIND_LABELS, parseDateTime } from './format';
import { PlanPicker } from './PlanPicker';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';
import { workflowVersion } from './workflow-names';

const LEVELS: UnitKind[] = ['cell', 'grassroots', 'upper', 'bloc'];

function cellsOf(deadlines: PlanDeadlines): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const level of LEVELS) for (const [stage, at] of Object.entries(deadlines[level] ?? {})) cells[`${level}.${stage}`] = formatDateTime(at);
  return cells;
}

function DeadlinesForm({ plan, stages, onSaved }: { plan: Plan; stages: Stage[]; onSaved: () => Promise<void> }) {
  const [cells, setCells] = useState(() => cellsOf(plan.deadlines));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** Deadlines out of the order the work happens in, as the engine named them: saved only once confirmed. */
  const [outOfOrder, setOutOfOrder] = useState<{ field: string; message: string }[]>([]);

  const save = async (event: FormEvent, confirmDeadlines = false) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    setOutOfOrder([]);
    const deadlines: PlanDeadlines = {};
    const bad: string[] = [];
    for (const [id, text] of Object.entries(cells)) {
      if (!text.trim()) continue;
      const iso = parseDateTime(text);
      if (!iso) {
        bad.push(id);
        continue;
      }
      const [level, stage] = id.split('.') as [UnitKind, string];
      (deadlines[level] ??= {})[stage] = iso;
    }
    setInvalid(bad);
    if (bad.length) {
      setError('Có ô thời hạn không đúng dạng ngày/tháng/năm giờ:phút (ví dụ 10/07/2019 17:00).');
      return;
    }
    try {
      await api.put(`/api/plans/${plan.id}/deadlines`, confirmDeadlines ? { deadlines, confirmDeadlines } : { deadlines });
      setSaved('Đã lưu thời hạn; các nhắc việc chưa gửi được xếp lại theo hạn mới.');
      await onSaved();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.body.deadlineProblems) ? (e.body.deadlineProblems as { field: string; message: string }[]) : [];
      if (problems.length) {
        setOutOfOrder(problems);
        setInvalid(problems.map((p) => p.field.replace(/^deadlines\./, '')));
      } else setError(errorText(e));
    }
  };

  // The data cut-off (chốt số liệu) of a consolidating level's collection, just before its consolidation.
  const consolidationAt = stages.findIndex((s) => s.kind === 'consolidation');
  const columns = consolidationAt < 0 ? stages : [...stages.slice(0, consolidationAt), { key: 'collection', name: 'Chốt số liệu tổng hợp' }, ...stages.slice(consolidationAt)];
  // Named as each level names the stage ("Đảng ủy thông qua"…); the header for every level at once.
  const nameAt = (key: string, level?: UnitKind) => stageLabel(key, { stages, level });

  return (
    <form onSubmit={save} noValidate>
      <p className="muted small">
        Nhập theo dạng ngày/tháng/năm giờ:phút, giờ Hà Nội; để trống nếu bước đó không có hạn ở cấp đó. “Chốt số liệu tổng hợp”: lúc cấp tổng hợp ngừng chờ báo cáo cấp dưới (trước hạn tổng hợp); để trống thì chốt đúng hạn tổng hợp.
      </p>
      <div className="table-wrap">
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
                        Hạn {nameAt(s.key, level)}, {KIND_LABELS[level]}
                      </label>
                      <input
                        id={`deadline-${id}`}
                        placeholder="dd/mm/yyyy hh:mm"
                        value={cells[id] ?? ''}
                        aria-invalid={invalid.includes(id)}
                        onChange={(e) => setCells((c) => ({ ...c, [id]: e.target.value }))}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {outOfOrder.length > 0 && (
        <div className="message warning" role="alert">
          <strong>Các thời hạn sau chưa theo đúng trình tự công việc:</strong>
          <ul>
            {outOfOrder.map((p) => (
              <li key={p.field}>{p.message.replace(/^deadlines\.[\w.]+: /, '')}</li>
            ))}
          </ul>
          <p>Nếu đúng là như vậy, xác nhận để lưu.</p>
          <button type="button" className="secondary" onClick={(e) => void save(e, true)}>
            Xác nhận và lưu thời hạn
          </button>
        </div>
      )}
      <Notice>{saved}</Notice>
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
