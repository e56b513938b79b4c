/**
 * A text area that grows with its text, so a long item reads whole on the page instead of in a
 * small box with its own scroll bar; it never shrinks below the rows it starts with.
 */
import { TextareaHTMLAttributes, useCallback, useEffect, useLayoutEffect, useRef } from 'react';

export function GrowingTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const fit = useCallback(() => {
    const element = ref.current;
    if (!element || element.offsetParent === null) return;
    const borders = element.offsetHeight - element.clientHeight;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + borders}px`;
  }, []);
  useLayoutEffect(fit, [fit, props.value]);
  // A narrower window wraps the lines again; a section opened again after being collapsed is measured
  // anew. Only a change of width refits: the box's own growth must not set off another measure.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      if (entry.contentRect.width === width) return;
      width = entry.contentRect.width;
      fit();
    });
    observer.observe(element.parentElement ?? element);
    return () => observer.disconnect();
  }, [fit]);
  return <textarea ref={ref} {...props} className={`growing ${props.className ?? ''}`.trim()} />;
}
