/**
 * Whether the end of a report's text has been shown: on screen at some moment since the page
 * opened, or on screen now (asked at the moment of a decision, so a click that scrolled the page
 * to its button counts even before the observer has reported).
 */
import { useCallback, useRef } from 'react';

export function useSeen(): { ref: (element: HTMLElement | null) => void; shown: () => boolean } {
  const seen = useRef(false);
  const element = useRef<HTMLElement | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    element.current = el;
    if (!el) return;
    observer.current = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) seen.current = true;
    });
    observer.current.observe(el);
  }, []);
  const shown = useCallback(() => {
    if (seen.current) return true;
    const box = element.current?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.top <= window.innerHeight;
  }, []);
  return { ref, shown };
}
