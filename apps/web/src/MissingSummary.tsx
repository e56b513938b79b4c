/**
 * A refused submit's list of the items still missing, at the top of the page. It takes the focus
 * and comes into view as it appears (a long page is not scrolled by hand to find it); each entry
 * jumps to the item's first empty required field and puts the cursor there.
 */
import { useEffect, useRef } from 'react';

interface Props {
  missing: { key: string; title: string }[];
  onJump: (key: string) => void;
}

export function MissingSummary({ missing, onJump }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Only when a refusal lists them anew, not as each item is filled and leaves the list.
  const shown = missing.length > 0;
  useEffect(() => {
    if (!shown || !box.current) return;
    box.current.scrollIntoView({ block: 'start' });
    box.current.focus({ preventScroll: true });
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="message error missing-summary" role="alert" tabIndex={-1} ref={box} data-testid="missing-parts" aria-labelledby="missing-title">
      <strong id="missing-title">Chưa nộp được: các mục bắt buộc sau còn thiếu nội dung</strong>
      <ul>
        {missing.map(({ key, title }) => (
          <li key={key}>
            <a
              href={`#editor-${key}`}
              onClick={(event) => {
                event.preventDefault();
                onJump(key);
              }}
            >
              {title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
