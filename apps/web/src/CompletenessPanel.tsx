/** Who the level has a report from while its report is drafted: who is missing, who was late, who was returned. */
import type { CompletenessRow, LevelCompleteness } from './api-types';

function Names({ title, rows, detail, testId }: { title: string; rows: CompletenessRow[]; detail?: (r: CompletenessRow) => string; testId: string }) {
  return (
    <div className="completeness-list" data-testid={testId}>
      <h3 className="small">
        {title} ({rows.length})
      </h3>
      {rows.length === 0 ? (
        <p className="small muted">Không có.</p>
      ) : (
        <ul className="small">
          {rows.map((r) => (
            <li key={r.unitCode}>
              {r.unitName}
              {detail && <span className="muted"> – {detail(r)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CompletenessPanel({ data }: { data: LevelCompleteness }) {
  const rows = data.completeness.rows;
  const missing = rows.filter((r) => r.status === 'missing');
  const late = rows.filter((r) => r.timeliness === 'late');
  const returned = rows.filter((r) => r.returnedCount > 0);
  return (
    <section className="card completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">Tình hình báo cáo của các đơn vị</h2>
      <p>
        Đã có báo cáo được duyệt của <strong>{rows.length - missing.length}</strong>/{rows.length} đơn vị
        {missing.length ? `, còn thiếu ${missing.length} đơn vị.` : ', đủ tất cả các đơn vị.'}
      </p>
      <div className="completeness-grid">
        <Names
          title="Còn thiếu"
          rows={missing}
          testId="completeness-missing"
          detail={(r) => (r.timeliness === 'not_submitted' ? 'chưa nộp' : 'chưa được duyệt')}
        />
        <Names title="Nộp muộn" rows={late} testId="completeness-late" />
        <Names title="Bị trả lại" rows={returned} testId="completeness-returned" detail={(r) => `${r.returnedCount} lần`} />
      </div>
    </section>
  );
}
