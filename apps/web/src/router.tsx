/** A small History API router: paths in the address bar, links that do not reload the page. */
import { createContext, MouseEvent, ReactNode, useContext, useEffect, useState } from 'react';

const RouteContext = createContext<string>('/');

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    // In-page anchors (#main, #versions…) fire popstate too: only a new path scrolls to the top.
    let shown = location.pathname + location.search;
    const onChange = () => {
      const next = location.pathname + location.search;
      if (next === shown) return;
      shown = next;
      setPath(next);
      window.scrollTo(0, 0);
    };
    addEventListener('popstate', onChange);
    return () => removeEventListener('popstate', onChange);
  }, []);
  return <RouteContext.Provider value={path}>{children}</RouteContext.Provider>;
}

/** The current path and query, e.g. `/reports/…?tab=versions`. */
export function useLocation(): { pathname: string; query: URLSearchParams } {
  const path = useContext(RouteContext);
  const [pathname, search = ''] = path.split('?');
  return { pathname, query: new URLSearchParams(search) };
}

export function Link({ to, children, className, ...rest }: { to: string; children: ReactNode; className?: string; 'aria-current'?: 'page' }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} {...rest}>
      {children}
    </a>
  );
}
