/** The level's report item by item, grouped by the parts I–V: an editor per text while it is drafted, the text itself otherwise. */
import { useRef, useState } from 'react';
import { ApiError, errorText } from './api-client';
import type { LevelItem } from './api-types';
import type { SaveState } from './autosave';
import type { LevelDraft } from './level-draft';
import { byOutlinePart, ITEM_TEXT_LABELS, requiredTexts } from './outline-labels';
import { ErrorBox } from './ui';
import type { LevelContent } from './use-level-content';
import { waitForChange } from './wait-for-change';

const STATE_TEXT: Record<SaveState, string> = { pending: 'Chưa lưu…', saving: 'Đang lưu…', saved: 'Đã lưu', error: 'Lưu không được' };

interface Props {
  draft: LevelDraft;
  texts: LevelContent;
  selected: string;
  onSelect: (key: string) => void;
  onSubmitted: () => void | Promise<void>;
  /** What submitting does, in words: to the Standing Committee, or to the unit's own committee. */
  submitLabel: string;
}

export function LevelEditor({ draft, texts, selected, onSelect, onSubmitted, submitLabel }: Props) {
  const [missing, setMissing] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const missingBox = useRef<HTMLDivElement>(null);
  const complete = (item: LevelItem) => requiredTexts(item).every((t) => texts.content[item.key]?.[t]?.trim());

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    setMissing([]);
    try {
      await texts.flush();
      await draft.submit();
      await waitForChange(() => draft.movedOn());
      await onSubmitted();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.missing.length) {
        setMissing(e.missing);
        setTimeout(() => missingBox.current?.focus(), 0);
      } else setSubmitError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  const titleOf = (key: string) => draft.items.find((i) => i.key === key)?.title ?? key;
  return (
    <div className="level-editor">
      {missing.length > 0 && (
        <div className="message error" role="alert" tabIndex={-1} ref={missingBox} data-testid="missing-items">
          <strong>Chưa trình được: các mục bắt buộc sau chưa có đủ nội dung</strong>
          <ul>
            {missing.map((key) => (
              <li key={key}>
                <a href={`#item-${key}`}>{titleOf(key)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {byOutlinePart(draft.items).map((group, g) => (
        <section key={group.heading ?? g} aria-label={group.heading ?? 'Nội dung báo cáo'}>
          {group.heading && <h2 className="outline-part">{group.heading}</h2>}
          {group.items.map((item) => (
            <fieldset
              key={item.key}
              id={`item-${item.key}`}
              className={`section card ${missing.includes(item.key) ? 'missing' : ''} ${selected === item.key ? 'selected' : ''}`}
            >
              <legend>
                {item.title}
                {item.required && <span className="tag">Bắt buộc</span>}
                {item.required && complete(item) && (
                  <span className="done-mark" aria-label="đã đủ phần bắt buộc">
                    {' '}
                    ✓
                  </span>
                )}
              </legend>
              {item.guidance && <p className="guidance small">{item.guidance}</p>}
              <div className="item-tools">
                <button type="button" className="secondary" aria-pressed={selected === item.key} onClick={() => onSelect(item.key)}>
                  {selected === item.key ? 'Đang xem nguồn của mục này' : 'Xem nguồn của mục này'}
                </button>
                <span className="small muted" aria-live="off">
                  {texts.stateOf(item.key) ? STATE_TEXT[texts.stateOf(item.key)!] : ''}
                </span>
              </div>
              {item.takes.map((part) => {
                const id = `level-${item.key}-${part}`;
                const required = requiredTexts(item).includes(part);
                const value = texts.content[item.key]?.[part] ?? '';
                const label = item.takes.length > 1 ? ITEM_TEXT_LABELS[part] : `${ITEM_TEXT_LABELS[part]}: ${item.title}`;
                return draft.editable ? (
                  <div key={part} className="field">
                    <label htmlFor={id}>
                      {label}
                      {required && (
                        <span className="required-mark" aria-hidden="true">
                          {' '}
                          *
                        </span>
                      )}
                      {required && <span className="visually-hidden"> (bắt buộc)</span>}
                    </label>
                    <textarea
                      id={id}
                      rows={Math.min(14, Math.max(4, value.split('\n').length + 1))}
                      value={value}
                      aria-required={required}
                      aria-invalid={required && !value.trim() && missing.includes(item.key)}
                      onFocus={() => onSelect(item.key)}
                      onChange={(e) => texts.change(item.key, part, e.target.value)}
                    />
                  </div>
                ) : (
                  <div key={part} className="part">
                    <h3 className="small">{ITEM_TEXT_LABELS[part]}</h3>
                    <p className={value ? 'prewrap' : 'muted'}>{value || 'Chưa có nội dung'}</p>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </section>
      ))}
      <ErrorBox>{submitError}</ErrorBox>
      {draft.editable && (
        <div className="submit-bar">
          <button type="button" onClick={submit} disabled={!draft.canSubmit || submitting}>
            {submitting ? 'Đang trình…' : submitLabel}
          </button>
          {!draft.canSubmit && <span className="small muted"> Đồng chí không giữ công việc trình báo cáo ở lượt này.</span>}
          <span className="save-status" role="status" aria-live="polite">
            {' '}
            {texts.status}
          </span>
        </div>
      )}
    </div>
  );
}
