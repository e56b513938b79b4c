/**
 * The drafting page's remarks: what the reviewers wrote on each item, with a count per item and a
 * link to its editor; the drafters answer or mark each one resolved. Nothing shows while there are none.
 */
import type { Report } from './api-types';
import { RemarksThread } from './RemarksThread';
import { useSession } from './session';
import { ErrorBox } from './ui';
import { useRemarks } from './use-remarks';

export function RemarksPanel({ report }: { report: Pick<Report, 'id' | 'unitId' | 'sections'> }) {
  const remarks = useRemarks(report.id);
  const { me } = useSession();
  const rights = { review: false, draft: !!me?.roles.some((r) => r.role === 'drafter' && r.unitId === report.unitId) };
  const sections = (report.sections ?? []).filter((s) => remarks.of(s.key).length > 0);
  if (remarks.error) return <ErrorBox>{remarks.error}</ErrorBox>;
  if (sections.length === 0) return null;
  const open = remarks.all.filter((r) => !r.resolvedAt).length;
  return (
    <section className="card remarks-panel" aria-labelledby="remarks-panel-title">
      <h2 id="remarks-panel-title">Góp ý của người thẩm định, thông qua</h2>
      <p className="muted small">
        {remarks.all.length} góp ý, {open} chưa xử lý. Đồng chí sửa nội dung ở mục tương ứng, trả lời hoặc đánh dấu đã xử lý.
      </p>
      {sections.map((s) => (
        <div key={s.key} className="remarks-panel-item">
          <h3>
            <a href={`#editor-${s.key}`}>{s.title}</a> <span className="tag">{remarks.of(s.key).length} góp ý</span>
          </h3>
          <RemarksThread reportId={report.id} section={s} remarks={remarks.of(s.key)} rights={rights} onChange={remarks.put} />
        </div>
      ))}
    </section>
  );
}
