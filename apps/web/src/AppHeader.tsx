/**
 * The top bar of every signed-in page: the name, the navigation, the bell and the account. On a
 * phone the navigation folds behind a "Trình đơn" button (aria-expanded), so the bar takes one line
 * and nothing pushes the page sideways; it folds again after each navigation.
 */
import { useEffect, useState } from 'react';
import { NotificationBell } from './NotificationBell';
import { Link, useLocation } from './router';

export interface NavLink {
  to: string;
  label: string;
}

export function AppHeader({
  links,
  isCurrent,
  fullName,
  username,
  onSignOut,
}: {
  links: NavLink[];
  isCurrent: (to: string) => boolean;
  fullName: string;
  username: string;
  onSignOut: () => void;
}) {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  return (
    <header className={`topbar ${open ? 'menu-open' : ''}`}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ★
        </span>{' '}
        Tổng kết
      </div>
      <button type="button" className="menu-button" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true" className="menu-icon">
          ☰
        </span>{' '}
        Trình đơn
      </button>
      <nav aria-label="Chính" id="main-nav">
        <ul>
          {links.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={isCurrent(item.to) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="account">
        <NotificationBell />
        <span className="who" title={username}>
          {fullName}
        </span>
        <button type="button" className="secondary" onClick={onSignOut}>
          Đăng xuất
        </button>
      </div>
    </header>
  );
}
