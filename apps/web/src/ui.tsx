/** Small shared pieces: page heading, status messages, stage badges. */
import { ReactNode, useEffect, useRef } from 'react';
import { stageLabel } from './format';

let firstPage = true;

/**
 * The page's h1. After a navigation inside the app it takes the focus, so screen readers and
 * keyboard users start at the new page's top; on the first page the focus stays at the document's
 * start, where the skip link is the first Tab stop.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Tổng kết`;
    if (firstPage) firstPage = false;
    else ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function ErrorBox({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="message error" role="alert">
      {children}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="message ok" role="status">
      {children}
    </div>
  );
}

export function Loading({ what = 'dữ liệu' }: { what?: string }) {
  return (
    <p className="muted" role="status">
      Đang tải {what}…
    </p>
  );
}

/** A stage as a coloured label; the colour class is derived from the key so the tree and badges agree. */
export function StageBadge({ stage, names }: { stage: string; names?: Record<string, string> }) {
  return <span className={`badge ${stageClass(stage)}`}>{stageLabel(stage, names)}</span>;
}

const KNOWN = ['drafting', 'cell_approval', 'committee_review', 'consolidation', 'done'];

export function stageClass(stage: string): string {
  return KNOWN.includes(stage) ? `stage-${stage}` : 'stage-other';
}
