import type { ReportEvent } from './api-types';
import { actionLabel, formatDateTime, stageLabel } from './format';
import { ScrollRegion } from './ScrollRegion';

const EDITS = new Set(['edit_section', 'edit_indicators']);

interface Row extends ReportEvent {
  count: number;
  firstAt: string;
}

/** Autosave records an edit per save: consecutive edits by one person read as one row with a count. */
function groupEdits(events: ReportEvent[]): Row[] {
  const rows: Row[] = [];
  for (const e of events) {
    const last = rows[rows.length - 1];
    if (last && EDITS.has(e.action) && EDITS.has(last.action) && last.actor === e.actor && last.fromStage === e.fromStage) {
      last.count += 1;
      last.at = e.at;
      last.action = 'edit_section';
    } else rows.push({ ...e, count: 1, firstAt: e.at });
  }
  return rows;
}

/** Who acted, as people know them: the full name, with the username on hover; the engine as "Hệ thống". */
function actorText(e: ReportEvent): { name: string; username?: string } {
  if (e.actor === 'system') return { name: 'Hệ thống' };
  return { name: e.actorName ?? e.actor, username: e.actor };
}

/** The report's audit trail, oldest first, as the engine records it; stages named as the report's level names them (`names`). */
export function AuditTrail({ events, names }: { events: ReportEvent[]; names: Record<string, string> }) {
  if (!events.length) return <p className="muted">Chưa có sự kiện nào.</p>;
  return (
    <ScrollRegion label="Nhật ký xử lý báo cáo">
      <table className="audit">
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Hành động</th>
            <th scope="col">Bước</th>
            <th scope="col">Ý kiến</th>
          </tr>
        </thead>
        <tbody>
          {groupEdits(events).map((e, i) => (
            <tr key={i} className={`action-${e.action}`}>
              <td className="nowrap">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td className="nowrap" title={actorText(e).username}>
                {actorText(e).name}
              </td>
              <td>
                {actionLabel(e.action)}
                {e.count > 1 && (
                  <span className="muted small">
                    {' '}
                    ({e.count} lần lưu, từ {formatDateTime(e.firstAt)})
                  </span>
                )}
              </td>
              <td>
                {e.fromStage ? stageLabel(e.fromStage, names) : '—'}
                {e.toStage ? ` → ${stageLabel(e.toStage, names)}` : ''}
              </td>
              <td className="prewrap">{e.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
