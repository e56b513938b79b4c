import { ReactNode } from 'react';

/**
 * A wide table's own scrolling box: on a phone it scrolls sideways inside the page rather than the
 * page itself. Focusable and named, so a keyboard user can reach it and scroll it with the arrow keys
 * and a screen reader announces what it holds (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
