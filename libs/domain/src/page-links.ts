/**
 * The web app's pages that act on a piece of work (apps/web/src/App.tsx routes), as paths: a
 * notice links to them in the inbox and, after the public base URL, in its e-mail.
 */
export const reportPath = (reportId: string): string => `/reports/${reportId}`;
export const draftPath = (reportId: string): string => `/reports/${reportId}/draft`;
export const planPath = (planId: string): string => `/plans/${planId}`;
/** The root's own report (Dự thảo báo cáo tổng hợp): where the working group writes and the Standing Committee adopts. */
export const levelReportPath = (planId: string): string => `/plans/${planId}/level-report`;
/** Công việc của tôi. */
export const MY_TASKS_PATH = '/';

/** A task's page: the drafting page for a draft, the report for its approvals, the root's own report for plan-level work. */
export function taskPath(task: { kind: string; reportId: string | null; planId: string }): string {
  if (!task.reportId) return levelReportPath(task.planId);
  return task.kind === 'draft' ? draftPath(task.reportId) : reportPath(task.reportId);
}

/** The base URL people open the web app at, without a trailing slash, joined to a page's path. */
export function publicLink(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
