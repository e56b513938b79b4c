import { api } from './api-client';
import type { Plan } from './api-types';
import { Link } from './router';
import { ErrorBox, Loading, PageTitle } from './ui';
import { useLoad } from './use-load';

const STATUS: Record<Plan['status'], string> = { draft: 'Chưa khởi động', launching: 'Đang khởi động', launched: 'Đang thực hiện', completed: 'Đã hoàn thành' };

export function PlansPage() {
  const plans = useLoad(() => api.get<Plan[]>('/api/plans'), []);
  return (
    <section>
      <PageTitle title="Kế hoạch">Kế hoạch tổng kết</PageTitle>
      <ErrorBox>{plans.error}</ErrorBox>
      {!plans.data ? (
        <Loading what="kế hoạch" />
      ) : plans.data.length === 0 ? (
        <p className="empty">Chưa có kế hoạch nào.</p>
      ) : (
        <ul className="plan-list">
          {plans.data.map((p) => (
            <li key={p.id} className="card">
              <Link to={`/plans/${p.id}`}>
                <strong>{p.code}</strong>
              </Link>
              <div>{p.title}</div>
              <div className="muted small">
                Nhiệm kỳ {p.term} · {STATUS[p.status]} · quy trình {p.workflowKey} phiên bản {p.workflowVersion}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { STATUS as PLAN_STATUS };
