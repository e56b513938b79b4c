/** A plan at a glance: counts per stage and level, the unit tree by stage, overdue units, deadlines, consolidation. */
import { useEffect, useMemo, useState } from 'react';
import { api } from './api-client';
import type { Collection, OrgUnit, Plan, PlanTaskState, Progress, Task, UnitKind } from './api-types';
import { ConsolidatedView } from './ConsolidatedView';
import { StageCounts, UnitList } from './DashboardUnits';
import { deadlineCountdown, formatDateTime, KIND_LABELS, stageLabel } from './format';
import { PLAN_STATUS } from './PlansPage';
import { Link } from './router';
import { ScrollRegion } from './ScrollRegion';
import { useSession } from './session';
import { TaskActions } from './TaskActions';
import { waitForChange } from './wait-for-change';
import { ErrorBox, Loading, Notice, PageTitle, stageClass } from './ui';
import { UnitTree } from './UnitTree';
import { matchesFilter, UnitFilter } from './unit-filter';
import { useLoad, useNow } from './use-load';
import { StageLabels, StageWhere, useStageLabels, workflowVersion } from './workflow-names';

const LEVELS: UnitKind[] = ['bloc', 'upper', 'grassroots', 'cell'];
const REFRESH_MS = 15_000;

export function PlanDashboardPage({ planId }: { planId: string }) {
  const data = useLoad(async () => {
    const [plan, progress, units, tasks] = await Promise.all([
      api.get<Plan>(`/api/plans/${planId}`),
      api.get<Progress>(`/api/plans/${planId}/progress`),
      api.get<OrgUnit[]>('/api/org-units'),
      api.get<Task[]>('/api/tasks?state=open'),
    ]);
    const workflow = await workflowVersion(plan.workflowKey, plan.workflowVersion).catch(() => null);
    return {
      plan,
      progress,
      root: units.find((u) => u.id === plan.rootUnitId),
      stageOrder: workflow?.stages.map((s) => s.key) ?? [],
      // Plan-level work of the reader: the working group's consolidation, the Standing Committee's approval.
      planTasks: tasks.filter((t) => t.planId === planId && !t.reportId),
    };
  }, [planId]);
  const { reload } = data;
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const labels = useStageLabels(data.data ? [data.data.plan] : undefined);
  const now = useNow(1000);
  const [showConsolidated, setShowConsolidated] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [filter, setFilter] = useState<UnitFilter>(null);
  const { me, hasRole } = useSession();

  const stages = useMemo(() => {
    if (!data.data) return [];
    return [...new Set([...data.data.stageOrder, ...Object.keys(data.data.progress.byStage), 'done'])];
  }, [data.data]);

  if (!data.data) return data.error ? <ErrorBox>{data.error}</ErrorBox> : <Loading what="tiến độ" />;
  const { plan, progress, root, planTasks } = data.data;
  const filterName = (f: NonNullable<UnitFilter>) => (f.kind === 'overdue' ? 'Quá hạn' : labels.label(f.stage, { root: rootUnit }));
  // Stages are named as each unit's level names them; the plan-level ones after the root's committee.
  const rootUnit = root ? { kind: root.kind, name: root.name } : null;
  const unitOf = new Map(progress.units.map((u) => [u.unitCode, { kind: u.kind, name: u.unitName }]));
  const planNames = labels.namesFor({ root: rootUnit });
  // People of units inside the tree see their units only; the consolidated report is the root's people's.
  const wholePlan = progress.scope?.whole ?? true;
  const deadlines = LEVELS.flatMap((level) => Object.entries(plan.deadlines[level] ?? {}).map(([stage, at]) => ({ level, stage, at })));
  deadlines.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/plans">Kế hoạch</Link> › {plan.code}
      </p>
      <PageTitle title={`Tiến độ ${plan.code}`}>Tiến độ kế hoạch {plan.code}</PageTitle>
      <p className="muted">
        {plan.title} · {PLAN_STATUS[plan.status]} · quy trình {plan.workflowKey} phiên bản {plan.workflowVersion}
      </p>
      <ErrorBox>{data.error}</ErrorBox>
      {!wholePlan && (
        <p className="muted" data-testid="progress-scope">
          Đồng chí đang xem tiến độ của {progress.scope!.units.map((u) => u.unitName).join(', ')} và các đơn vị trực thuộc.
        </p>
      )}
      <Notice>{message}</Notice>
      {planTasks.map((task) => (
        <TaskActions
          key={task.id}
          task={task}
          names={planNames}
          onDone={async (text) => {
            setMessage(text);
            await reload();
            // The worker applies the decision shortly after: wait until the plan shows it, then show that.
            const before = workerSignature(progress);
            await waitForChange(async () => workerSignature(await api.get<Progress>(`/api/plans/${planId}/progress`)) !== before, 8_000);
            await reload();
          }}
        />
      ))}
      <NobodyCanAct progress={progress} labels={labels} root={rootUnit} unitOf={unitOf} />
      <PlanWork label="Tổng hợp của tổ giúp việc" task={progress.consolidation} names={planNames} />
      <PlanWork label="Thông qua của Ban Thường vụ" task={progress.rootApproval} names={planNames} />

      <h2>Số báo cáo theo bước</h2>
      <StageCounts progress={progress} stages={stages} stageName={(st) => labels.label(st, { root: rootUnit })} filter={filter} onFilter={setFilter} />

      <ScrollRegion label="Số báo cáo theo cấp và bước">
        <table className="by-level">
          <caption>Theo cấp</caption>
          <thead>
            <tr>
              <th scope="col">Cấp</th>
              {stages.map((s) => (
                <th scope="col" key={s}>
                  {labels.label(s, { root: rootUnit })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEVELS.filter((level) => progress.byLevel[level]).map((level) => (
              <tr key={level}>
                <th scope="row">{KIND_LABELS[level]}</th>
                {stages.map((s) => (
                  <td key={s}>{progress.byLevel[level]?.[s] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <div className="dashboard-grid">
        <div>
          <h2>Cây đơn vị</h2>
          <p className="legend small">
            {stages.map((s) => (
              <span key={s} className={`legend-item ${stageClass(s)}`}>
                {labels.label(s, { root: rootUnit })}
              </span>
            ))}
          </p>
          {filter && (
            <p className="filter-note" role="status">
              Chỉ hiện các đơn vị: {filterName(filter)}.{' '}
              <button type="button" className="link-button" onClick={() => setFilter(null)}>
                Bỏ lọc
              </button>
            </p>
          )}
          <UnitTree rootId={plan.rootUnitId} root={root} units={progress.units} labels={labels} show={filter ? (u) => matchesFilter(filter, u) : undefined} />
        </div>
        <div>
          <UnitList
            planId={plan.id}
            rootId={plan.rootUnitId}
            progress={progress}
            filter={filter}
            filterName={filter ? filterName(filter) : ''}
            labels={labels}
            root={rootUnit}
            me={me}
            isAdmin={hasRole('admin')}
            onNudged={() => void reload()}
          />
          <h2>Thời hạn</h2>
          <ScrollRegion label="Thời hạn theo cấp và bước">
            <table className="compact-table deadlines">
              <thead>
                <tr>
                  <th scope="col">Cấp · bước</th>
                  <th scope="col">Hạn</th>
                  <th scope="col">Đếm ngược</th>
                </tr>
              </thead>
              <tbody>
                {deadlines.map((d) => {
                  // A completed plan's countdowns stop: its deadlines are history, nothing is late any more.
                  const left = deadlineCountdown(d.at, plan.status, now);
                  return (
                    <tr key={`${d.level}.${d.stage}`} className={left.late ? 'overdue' : undefined}>
                      <th scope="row">
                        {KIND_LABELS[d.level]} · {labels.label(d.stage, { level: d.level, root: rootUnit })}
                      </th>
                      <td>
                        <time dateTime={d.at}>{formatDateTime(d.at)}</time>
                      </td>
                      <td className="countdown">{left.text}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      </div>

      {(wholePlan || (progress.collections ?? []).length > 0) && <h2>Báo cáo tổng hợp</h2>}
      {wholePlan && (
        <p>
          <Link to={`/plans/${plan.id}/level-report`} className="button-link">
            Dự thảo báo cáo tổng hợp
          </Link>
        </p>
      )}
      <Collections planId={plan.id} rootCode={root?.code} items={progress.collections ?? []} />
      {!wholePlan ? null : showConsolidated ? (
        <ConsolidatedView planId={plan.id} />
      ) : (
        <button type="button" className="secondary" onClick={() => setShowConsolidated(true)}>
          Xem báo cáo tổng hợp
        </button>
      )}
    </section>
  );
}

/** What only the worker changes: stages, the plan's status, the rounds of the Standing Committee's approval. */
function workerSignature(p: Progress): string {
  return JSON.stringify([p.status, p.byStage, p.rootApproval ? [p.rootApproval.round, p.rootApproval.open + p.rootApproval.done] : null]);
}

/** Stages stuck because nobody holds the role: the administrator must give someone that role. */
function NobodyCanAct(props: { progress: Progress; labels: StageLabels; root: StageWhere['root']; unitOf: Map<string, NonNullable<StageWhere['unit']>> }) {
  const { progress, labels, root, unitOf } = props;
  const planLevel = (progress.planStages ?? []).filter((s) => s.state === 'unassigned');
  const reports = (progress.unassigned ?? []).filter((u) => u.reportId !== null);
  if (!planLevel.length && !reports.length) return null;
  return (
    <div role="alert" className="message error">
      <strong>Chưa có người thực hiện:</strong>
      <ul>
        {planLevel.map((s) => (
          <li key={s.stage}>
            {labels.label(s.stage, { root })}: {s.reason?.vi ?? 'không ai giữ vai trò cần thiết'}
          </li>
        ))}
        {reports.map((u) => (
          <li key={u.reportId!}>
            {unitOf.get(u.unitCode ?? '')?.name ?? u.unitCode}: {labels.label(u.stage, { unit: unitOf.get(u.unitCode ?? ''), root })} – không ai giữ vai trò cần
            thiết tại đơn vị
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlanWork({ label, task, names }: { label: string; task: PlanTaskState | null; names: Record<string, string> }) {
  if (!task) return null;
  return (
    <p className="plan-work">
      <strong>{label}:</strong> {stageLabel(task.stage, names)} – lần {task.round}: {task.open} việc đang chờ, {task.done} đã xong
    </p>
  );
}

const COLLECTION_STATUS: Record<string, string> = { collecting: 'đang thu thập', collected: 'đã thu thập', done: 'đã xong', approved: 'đã được thông qua' };

function Collections({ planId, rootCode, items }: { planId: string; rootCode?: string; items: Collection[] }) {
  if (!items.length) return null;
  return (
    <ScrollRegion label="Thu thập báo cáo ở các đơn vị tổng hợp">
      <table className="compact-table">
        <caption>Thu thập báo cáo ở các đơn vị tổng hợp</caption>
        <thead>
          <tr>
            <th scope="col">Đơn vị</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Hạn chốt</th>
            <th scope="col">Đã có</th>
            <th scope="col">Còn thiếu</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.unitCode}>
              <th scope="row">
                {/* Each consolidating level writes its report from its collection. */}
                <Link to={c.unitCode === rootCode ? `/plans/${planId}/level-report` : `/plans/${planId}/level-report?level=${encodeURIComponent(c.unitCode)}`}>
                  {c.unitCode}
                </Link>
              </th>
              <td>{COLLECTION_STATUS[c.status] ?? 'không xác định'}</td>
              <td>{formatDateTime(c.cutOffAt)}</td>
              <td>{c.included}</td>
              <td>{c.missing.length ? c.missing.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
