/** Chuyển phiên bản: preview (dry run) moving a running plan to another workflow version, then apply it. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from './api-client';
import type { Migration, MigrationPreview, Plan, Workflow } from './api-types';
import { formatDateTime, stageLabel } from './format';
import { PlanPicker } from './PlanPicker';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';
import { waitForChange } from './wait-for-change';
import { ScrollRegion } from './ScrollRegion';

const ACTIONS: Record<MigrationPreview['reports'][number]['action'], string> = {
  unchanged: 'Giữ nguyên',
  redecide: 'Xét lại theo quy tắc mới',
  move: 'Chuyển bước',
  finished: 'Đã xong, không đổi',
};
const STATUS: Record<Migration['status'], string> = { running: 'Đang chạy', completed: 'Hoàn tất', failed: 'Thất bại' };

export function AdminMigrationPage() {
  const plans = useLoad(() => api.get<Plan[]>('/api/plans'), []);
  const [planId, setPlanId] = useState('');
  const choosePlan = useCallback((id: string) => setPlanId(id), []);
  const plan = useLoad(async () => (planId ? api.get<Plan>(`/api/plans/${planId}`) : undefined), [planId]);
  const workflowKey = plan.data?.workflowKey;
  const versions = useLoad(async () => (workflowKey ? api.get<Workflow[]>(`/api/workflows/${workflowKey}/versions`) : []), [workflowKey]);
  const history = useLoad(async () => (planId ? api.get<Migration[]>(`/api/plans/${planId}/migrations`) : []), [planId]);
  const [toVersion, setToVersion] = useState(0);
  const [stageMap, setStageMap] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<MigrationPreview | null>(null);
  const [result, setResult] = useState<Migration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const latest = useMemo(() => Math.max(0, ...(versions.data ?? []).map((v) => v.version)), [versions.data]);
  useEffect(() => setToVersion(latest), [latest, planId]);
  useEffect(() => {
    setPreview(null);
    setStageMap({});
  }, [planId, toVersion]);
  useEffect(() => setPreview(null), [stageMap]);

  const fromFlow = versions.data?.find((v) => v.version === plan.data?.workflowVersion);
  const toFlow = versions.data?.find((v) => v.version === toVersion);
  const droppedStages = (fromFlow?.stages ?? []).filter((s) => !toFlow?.stages.some((t) => t.key === s.key));
  const names = Object.fromEntries((versions.data ?? []).flatMap((v) => v.stages.map((s) => [s.key, s.name])));
  const cleanMap = Object.fromEntries(Object.entries(stageMap).filter(([, v]) => v));

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    if (dryRun) setResult(null);
    try {
      const body = { toVersion, stageMap: cleanMap, dryRun };
      if (dryRun) {
        setPreview(await api.post<MigrationPreview>(`/api/plans/${planId}/migrations`, body));
      } else {
        const started = await api.post<Migration>(`/api/plans/${planId}/migrations`, body);
        let last = started;
        await waitForChange(
          async () => {
            last = await api.get<Migration>(`/api/migrations/${started.id}`);
            return last.status !== 'running';
          },
          30_000,
          400,
        );
        setResult(last);
        setPreview(null);
        await Promise.all([plan.reload(), history.reload()]);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageTitle title="Chuyển phiên bản quy trình">Chuyển kế hoạch sang phiên bản quy trình khác</PageTitle>
      <ErrorBox>{plans.error ?? plan.error ?? versions.error}</ErrorBox>
      {!plans.data ? (
        <Loading what="kế hoạch" />
      ) : (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <PlanPicker plans={plans.data} value={planId} onChange={choosePlan} />
          <p className="muted">
            Đang chạy theo quy trình <strong>{plan.data?.workflowKey}</strong> phiên bản{' '}
            <strong data-testid="plan-version">{plan.data?.workflowVersion ?? '…'}</strong>
          </p>
          <div className="field">
            <label htmlFor="to-version">Chuyển sang phiên bản</label>
            <select id="to-version" value={toVersion} onChange={(e) => setToVersion(Number(e.target.value))}>
              {(versions.data ?? []).map((v) => (
                <option key={v.version} value={v.version}>
                  Phiên bản {v.version} ({v.stages.map((s) => s.name).join(' → ')})
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {droppedStages.length > 0 && (
        <fieldset className="card">
          <legend>Bước không còn trong phiên bản {toVersion}: chuyển báo cáo đang ở bước đó sang</legend>
          {droppedStages.map((s) => (
            <div className="field" key={s.key}>
              <label htmlFor={`map-${s.key}`}>{s.name || s.key}</label>
              <select id={`map-${s.key}`} value={stageMap[s.key] ?? ''} onChange={(e) => setStageMap((m) => ({ ...m, [s.key]: e.target.value }))}>
                <option value="">(chưa chọn)</option>
                {(toFlow?.stages ?? []).map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name || t.key}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      <div className="toolbar">
        <button type="button" className="secondary" onClick={() => run(true)} disabled={busy || !planId || !toVersion}>
          Xem trước (chạy thử)
        </button>
        <button type="button" onClick={() => run(false)} disabled={busy || !preview || preview.unmappable.length > 0}>
          Áp dụng
        </button>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {result && (
        <Notice>
          <span data-testid="migration-result">
            Chuyển sang phiên bản {result.toVersion}: {STATUS[result.status]}. {result.total} báo cáo: {result.migrated} đổi bước hoặc được xét lại,{' '}
            {result.untouched} giữ nguyên bước{result.unmappable.length ? `, ${result.unmappable.length} không chuyển được` : ''}.
          </span>
        </Notice>
      )}
      {preview && (
        <div className="preview">
          <h2>Kết quả chạy thử (chưa thay đổi gì)</h2>
          {preview.unmappable.length > 0 && (
            <div className="message error" role="alert">
              <strong>Không chuyển được (cần chọn bước thay thế):</strong>
              <ul>
                {preview.unmappable.map((u) => (
                  <li key={u.reportId}>
                    {u.unitCode} ở bước {stageLabel(u.stage, names)}: {u.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ScrollRegion label="Bảng chuyển phiên bản">
            <table>
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Bước hiện tại</th>
                  <th scope="col">Bước sau khi chuyển</th>
                  <th scope="col">Việc sẽ làm</th>
                  <th scope="col">Công việc hủy / tạo</th>
                </tr>
              </thead>
              <tbody>
                {preview.reports.map((r) => (
                  <tr key={r.reportId} className={r.action !== 'unchanged' ? 'changed' : undefined}>
                    <td>{r.unitCode}</td>
                    <td>
                      {stageLabel(r.fromStage, names)} (v{r.fromVersion})
                    </td>
                    <td>{r.toStage ? stageLabel(r.toStage, names) : '—'}</td>
                    <td>{ACTIONS[r.action] ?? r.action}</td>
                    <td className="small">
                      {r.cancelTasks.map((t) => `hủy: ${t.assignee}`).join(', ')}
                      {r.cancelTasks.length && r.createTasks.length ? '; ' : ''}
                      {r.createTasks.map((t) => `tạo: ${t.assignee}`).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
      <h2>Các lần chuyển của kế hoạch</h2>
      {(history.data ?? []).length === 0 ? (
        <p className="muted">Chưa có lần chuyển nào.</p>
      ) : (
        <ul className="migration-history">
          {(history.data ?? []).map((m) => (
            <li key={m.id}>
              {formatDateTime(m.createdAt)}: sang phiên bản {m.toVersion} – {STATUS[m.status]} ({m.migrated} đổi bước hoặc xét lại, {m.untouched} giữ nguyên
              bước)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
