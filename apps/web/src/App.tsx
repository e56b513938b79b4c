/** The frame of every page (skip link, header, navigation, notifications bell) and the routes. */
import { ReactNode } from 'react';
import { AdminDeadlinesPage } from './AdminDeadlinesPage';
import { AdminMigrationPage } from './AdminMigrationPage';
import { AdminOrgImportPage } from './AdminOrgImportPage';
import { AdminRecipientsPage } from './AdminRecipientsPage';
import { AdminUsersPage } from './AdminUsersPage';
import { AdminWorkflowPage } from './AdminWorkflowPage';
import { AppHeader } from './AppHeader';
import { DraftingPage } from './DraftingPage';
import { LevelReportRoute } from './LevelReportPage';
import { MyTasksPage } from './MyTasksPage';
import { NotificationsPage } from './NotificationsPage';
import { PlanDashboardPage } from './PlanDashboardPage';
import { PlansPage } from './PlansPage';
import { ReportPage } from './ReportPage';
import { Link, useLocation } from './router';
import { useSession } from './session';
import { SetPasswordPage } from './SetPasswordPage';
import { SignInPage } from './SignInPage';
import { SET_PASSWORD_PATH } from '../../../libs/domain/src/set-password-texts';
import { Loading } from './ui';

interface NavItem {
  to: string;
  label: string;
  adminOnly?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Công việc của tôi' },
  { to: '/plans', label: 'Kế hoạch' },
  { to: '/notifications', label: 'Thông báo' },
  { to: '/admin/workflow', label: 'Quy trình', adminOnly: true },
  { to: '/admin/migrations', label: 'Chuyển phiên bản', adminOnly: true },
  { to: '/admin/deadlines', label: 'Thời hạn', adminOnly: true },
  { to: '/admin/recipients', label: 'Nơi nhận', adminOnly: true },
  { to: '/admin/users', label: 'Người dùng', adminOnly: true },
  { to: '/admin/org-import', label: 'Nhập tổ chức', adminOnly: true },
];

function route(pathname: string): ReactNode {
  let m: RegExpExecArray | null;
  if (pathname === '/' || pathname === '/tasks') return <MyTasksPage />;
  if ((m = /^\/reports\/([0-9a-f-]{36})\/draft$/.exec(pathname))) return <DraftingPage reportId={m[1]} />;
  if ((m = /^\/reports\/([0-9a-f-]{36})$/.exec(pathname))) return <ReportPage reportId={m[1]} />;
  if (pathname === '/plans') return <PlansPage />;
  if ((m = /^\/plans\/([0-9a-f-]{36})$/.exec(pathname))) return <PlanDashboardPage planId={m[1]} />;
  if ((m = /^\/plans\/([0-9a-f-]{36})\/level-report$/.exec(pathname))) return <LevelReportRoute planId={m[1]} />;
  if (pathname === '/notifications') return <NotificationsPage />;
  if (pathname === '/admin/workflow') return <AdminWorkflowPage />;
  if (pathname === '/admin/migrations') return <AdminMigrationPage />;
  if (pathname === '/admin/deadlines') return <AdminDeadlinesPage />;
  if (pathname === '/admin/recipients') return <AdminRecipientsPage />;
  if (pathname === '/admin/users') return <AdminUsersPage />;
  if (pathname === '/admin/org-import') return <AdminOrgImportPage />;
  return (
    <section>
      <h1>Không tìm thấy trang</h1>
      <p>
        <Link to="/">Về trang Công việc của tôi</Link>
      </p>
    </section>
  );
}

export function App() {
  const { me, ready, signOut, hasRole } = useSession();
  const { pathname } = useLocation();
  // Public: reached from an e-mailed link, before the person has a password to sign in with.
  if (pathname === SET_PASSWORD_PATH) return <SetPasswordPage />;
  if (!ready) return <Loading what="phiên làm việc" />;
  if (!me) return <SignInPage />;
  const isAdmin = hasRole('admin');
  const current = (to: string) => (to === '/' ? pathname === '/' || pathname === '/tasks' : pathname.startsWith(to));
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <AppHeader
        links={NAV.filter((item) => !item.adminOnly || isAdmin)}
        isCurrent={current}
        fullName={me.fullName}
        username={me.username}
        onSignOut={signOut}
      />
      <main id="main" tabIndex={-1}>
        {route(pathname)}
      </main>
      <footer className="footer">Giờ hiển thị theo múi giờ Hà Nội (UTC+7). Ngày theo định dạng ngày/tháng/năm.</footer>
    </>
  );
}
