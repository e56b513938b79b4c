/** Công việc của tôi: the open tasks, soonest due first, overdue in red, with filters by plan and stage. */
import { useMemo, useState } from 'react';
import { api } from './api-client';
import type { Plan, Task } from './api-types';
import { daysLeftText, formatDate, formatDateTime, isOverdue } from './format';
import { Link } from './router';
import { ErrorBox, Loading, PageTitle } from './ui';
import { useLoad, useNow } from './use-load';
import { StageWhere, useStageLabels } from './workflow-names';
import { TaskReviewState } from './TaskReviewState';

function byDueDate(a: Task, b: Task): number {
  if (a.dueAt === b.dueAt) return a.createdAt.localeCompare(b.createdAt);
  if (!a.dueAt) return 1;
  if (!b.dueAt) return -1;
  return new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime();
}

export function taskLink(task: Task): string {
  // The working group's and the Standing Committee's work is the Khối's report itself.
  if (!task.reportId) return `/plans/${task.planId}/level-report`;
  return task.kind === 'draft' ? `/reports/${task.reportId}/draft` : `/reports/${task.reportId}`;
}

const ACTION_TEXT: Record<Task['kind'], string> = { draft: 'Soạn thảo', approval: 'Xem và cho ý kiến', consolidation: 'Dự thảo báo cáo tổng hợp' };

function actionText(task: Task): string {
  // The Standing Committee's approval of the consolidated report is plan-level work: no report of its own.
  return !task.reportId && task.kind === 'approval' ? 'Phê duyệt báo cáo tổng hợp' : ACTION_TEXT[task.kind];
}

/** A task's stage is named for its unit's level; plan-level work (its unit is the root) after the root's committee. */
function whereOf(task: Task): StageWhere {
  if (!task.unitKind || !task.unitName) return {};
  const unit = { kind: task.unitKind, name: task.unitName };
  return task.reportId ? { unit } : { root: unit };
}

export function MyTasksPage() {
  const tasks = useLoad(() => api.get<Task[]>('/api/tasks?state=open'), []);
  const plans = useLoad(() => api.get<Plan[]>('/api/plans'), []);
  const labels = useStageLabels(plans.data);
  const [planId, setPlanId] = useState('');
  const [stage, setStage] = useState('');
  const now = useNow(60_000);

  const planCode = useMemo(() => new Map((plans.data ?? []).map((p) => [p.id, p.code])), [plans.data]);
  const stages = useMemo(() => [...new Set((tasks.data ?? []).map((t) => t.stage))], [tasks.data]);
  const shown = useMemo(
    () => (tasks.data ?? []).filter((t) => (!planId || t.planId === planId) && (!stage || t.stage === stage)).sort(byDueDate),
    [tasks.data, planId, stage],
  );

  return (
    <section>
      <PageTitle title="Công việc của tôi">Công việc của tôi</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc công việc">
        <div className="field">
          <label htmlFor="filter-plan">Kế hoạch</label>
          <select id="filter-plan" value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">Tất cả kế hoạch</option>
            {(plans.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-stage">Bước</label>
          <select id="filter-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">Tất cả các bước</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {labels.label(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => void tasks.reload()}>
          Làm mới
        </button>
      </form>
      <ErrorBox>{tasks.error}</ErrorBox>
      {!tasks.data ? (
        <Loading what="công việc" />
      ) : shown.length === 0 ? (
        <p className="empty">Không có công việc nào đang chờ đồng chí.</p>
      ) : (
        <div className="table-wrap">
          <table className="tasks">
            <caption className="visually-hidden">Công việc đang mở, hạn gần nhất trước</caption>
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col">Bước</th>
                <th scope="col">Kế hoạch</th>
                <th scope="col">Hạn</th>
                <th scope="col">Thời gian còn lại</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => {
                const late = isOverdue(t.dueAt, now);
                return (
                  <tr key={t.id} className={late ? 'overdue' : undefined} data-task-unit={t.unitCode}>
                    <td>
                      <strong>{t.unitName ?? t.unitCode}</strong>
                      <div className="muted small">{t.unitCode}</div>
                    </td>
                    <td data-label="Bước">
                      {labels.label(t.stage, whereOf(t))}
                      <TaskReviewState task={t} />
                    </td>
                    <td data-label="Kế hoạch">{planCode.get(t.planId) ?? '—'}</td>
                    <td data-label="Hạn">
                      {t.dueAt ? (
                        <time dateTime={t.dueAt} title={formatDateTime(t.dueAt)}>
                          {formatDate(t.dueAt)}
                        </time>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="days-left" data-label="Còn lại">
                      {daysLeftText(t.dueAt, now)}
                    </td>
                    <td>
                      <Link to={taskLink(t)} className="button-link">
                        {actionText(t)}
                        <span className="visually-hidden"> – {t.unitCode}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
