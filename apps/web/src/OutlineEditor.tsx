/** The report's items as the đề cương orders them (parts I–V), each with its guidance and an editor per text it takes. */
import type { ItemText, ReportSection } from './api-types';
import type { SaveState } from './autosave';
import { GrowingTextarea } from './GrowingTextarea';
import { byOutlinePart, ITEM_TEXT_LABELS, requiredTexts } from './outline-labels';

const STATE_TEXT: Record<SaveState, string> = { pending: 'Chưa lưu…', saving: 'Đang lưu…', saved: 'Đã lưu', error: 'Lưu không được' };

export type ItemTexts = Partial<Record<ItemText, string>>;

interface Props {
  sections: ReportSection[];
  content: Record<string, ItemTexts>;
  states: Record<string, SaveState>;
  missing: string[];
  editable: boolean;
  /** Items folded to their title, so a long outline can be walked through. */
  collapsed: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onChange: (key: string, text: ItemText, value: string) => void;
}

/** Whether an item has every text it cannot be submitted without. */
export function itemComplete(section: ReportSection, texts: ItemTexts | undefined): boolean {
  return requiredTexts({ ...section, required: true }).every((t) => !!texts?.[t]?.trim());
}

export function OutlineEditor({ sections, content, states, missing, editable, collapsed, onToggle, onChange }: Props) {
  let number = 0;
  return (
    <>
      {byOutlinePart(sections).map((group, g) => (
        <section key={group.heading ?? g} aria-label={group.heading ?? 'Nội dung báo cáo'}>
          {group.heading && <h2 className="outline-part">{group.heading}</h2>}
          {group.items.map((section) => {
            number += 1;
            const required = requiredTexts(section);
            const guidanceId = section.guidance ? `guidance-${section.key}` : undefined;
            const folded = collapsed.has(section.key);
            const complete = itemComplete(section, content[section.key]);
            return (
              <fieldset
                key={section.key}
                id={`editor-${section.key}`}
                className={`section card ${missing.includes(section.key) ? 'missing' : ''}`}
                disabled={!editable}
              >
                <legend>
                  {/* Inside the legend, the button stays usable when the fieldset is disabled (a reader folds items too). */}
                  <button
                    type="button"
                    className="fold-toggle"
                    aria-expanded={!folded}
                    aria-controls={`body-${section.key}`}
                    title={folded ? 'Mở mục này' : 'Thu gọn mục này'}
                    onClick={() => onToggle(section.key)}
                  >
                    <span aria-hidden="true">{folded ? '▸' : '▾'}</span> {number}. {section.title}
                  </button>
                  {folded && <span className={`fold-summary small ${complete ? 'done' : ''}`}>{complete ? ' – đã đủ' : ' – còn thiếu'}</span>}
                </legend>
                <div id={`body-${section.key}`} hidden={folded}>
                  {section.guidance && (
                    <p className="guidance small" id={guidanceId}>
                      <span className="visually-hidden">Hướng dẫn: </span>
                      {section.guidance}
                    </p>
                  )}
                  <div className="section-state small muted" aria-live="off">
                    {states[section.key] ? STATE_TEXT[states[section.key]] : ''}
                  </div>
                  {section.takes.map((text) => {
                    const isRequired = required.includes(text);
                    const id = `${section.key}-${text}`;
                    const value = content[section.key]?.[text] ?? '';
                    return (
                      <div key={text} className="field">
                        <label htmlFor={id}>
                          {section.takes.length === 1 && text === 'text' ? 'Nội dung' : ITEM_TEXT_LABELS[text]}
                          {isRequired && (
                            <>
                              <span className="required-mark" aria-hidden="true">
                                {' '}
                                *
                              </span>
                              <span className="visually-hidden"> (bắt buộc)</span>
                            </>
                          )}
                        </label>
                        <GrowingTextarea
                          id={id}
                          rows={text === 'text' ? 6 : 3}
                          value={value}
                          aria-required={isRequired}
                          aria-describedby={guidanceId}
                          aria-invalid={isRequired && !value.trim() && missing.includes(section.key)}
                          onChange={(e) => onChange(section.key, text, e.target.value)}
                        />
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          })}
        </section>
      ))}
    </>
  );
}
