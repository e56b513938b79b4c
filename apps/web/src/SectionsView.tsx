import type { ReactNode } from 'react';
import type { Plan, Report, ReportSection } from './api-types';
import { shownFigure } from './figure-input';
import { indicatorLabel } from './format';
import { byOutlinePart, ITEM_TEXT_LABELS } from './outline-labels';

interface Props {
  report: Report;
  plan: Pick<Plan, 'indicatorNames' | 'indicatorDefinitions' | 'indicatorGroups'>;
  /** Shown beside each item (the remarks on it; null for nothing), with the count it gives in the item's heading. */
  beside?: { content: (section: ReportSection) => ReactNode; count: (section: ReportSection) => number };
}

/**
 * The report's content: its items by parts I–V, each with the texts it takes (and what `beside`
 * puts next to it), then the appendix of figures table by table (a blank is "not reported";
 * percentages computed, marked so).
 */
export function SectionsView({ report, plan, beside }: Props) {
  const sections = report.sections ?? [];
  const definitions = new Map((plan.indicatorDefinitions ?? []).map((d) => [d.key, d]));
  const groups = plan.indicatorGroups ?? [
    { key: 'general', title: 'Số liệu', keys: [...new Set([...(plan.indicatorNames ?? []), ...Object.keys(report.indicators)])] },
  ];
  const values = { ...report.indicators, ...(report.derivedIndicators ?? {}) };
  let number = 0;
  return (
    <div className="sections-view">
      {byOutlinePart(sections).map((group, g) => (
        <section key={group.heading ?? g} aria-label={group.heading ?? 'Nội dung báo cáo'}>
          {group.heading && <h3 className="outline-part">{group.heading}</h3>}
          {group.items.map((section) => {
            number += 1;
            const aside = beside?.content(section);
            return (
              <article key={section.key} className="section card" aria-labelledby={`section-${section.key}`}>
                <h4 id={`section-${section.key}`}>
                  {number}. {section.title}
                  {section.required && <span className="tag">Bắt buộc</span>}
                  {beside && beside.count(section) > 0 && <span className="tag remark-count-badge">{beside.count(section)} góp ý</span>}
                </h4>
                <div className={aside ? 'section-with-remarks' : undefined}>
                  <dl>
                    {section.takes.map((text) => (
                      <div key={text} className="part">
                        <dt>{section.takes.length === 1 ? 'Nội dung' : ITEM_TEXT_LABELS[text]}</dt>
                        <dd className={section[text] ? 'prewrap' : 'muted'}>{section[text] || 'Chưa có nội dung'}</dd>
                      </div>
                    ))}
                  </dl>
                  {aside}
                </div>
              </article>
            );
          })}
        </section>
      ))}
      {groups.map((group) => (
        <table className="compact-table" key={group.key}>
          <caption>{group.title}</caption>
          <tbody>
            {group.keys.map((key) => {
              const d = definitions.get(key);
              return (
                <tr key={key}>
                  <th scope="row">{d?.label ?? indicatorLabel(key)}</th>
                  <td>
                    {values[key] === undefined ? <span className="muted">Chưa báo cáo</span> : shownFigure(values[key])} {d?.unit}
                    {d?.derivedFrom && <span className="muted small"> (tự tính)</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}
