import type { Report } from './api-types';
import { PARTS } from './api-types';
import { indicatorLabel, PART_LABELS } from './format';

/** The report's content: every outline section with its five parts, then the figures. */
export function SectionsView({ report, indicatorNames }: { report: Report; indicatorNames: string[] }) {
  const names = [...new Set([...indicatorNames, ...Object.keys(report.indicators)])];
  return (
    <div className="sections-view">
      {(report.sections ?? []).map((section, index) => (
        <article key={section.key} className="section card" aria-labelledby={`section-${section.key}`}>
          <h3 id={`section-${section.key}`}>
            {index + 1}. {section.title}
            {section.required && <span className="tag">Bắt buộc</span>}
          </h3>
          <dl>
            {PARTS.map((part) => (
              <div key={part} className="part">
                <dt>{PART_LABELS[part]}</dt>
                <dd className={section[part] ? 'prewrap' : 'muted'}>{section[part] || 'Chưa có nội dung'}</dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
      <table className="compact-table">
        <caption>Số liệu</caption>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">{indicatorLabel(name)}</th>
              <td>{report.indicators[name] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
