import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { session } from '../support/api';
import { completeTask, fillReport, openTask, submitReport, waitForStage } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { expectNoA11yViolations } from './support/a11y';
import { ARTIFACTS_DIR, closeAll, DESKTOP, launchChromium, PHONE, RequestLog, signIn } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/**
 * Every page of the web app (every route of App.tsx), as the person
 * who uses it, at a laptop's 1366×768 and a phone's 390×844: a full-page screenshot kept under
 * test/artifacts/browser/pages, no sideways scrolling of the page, and no axe-core violation.
 */
const SHOTS = join(ARTIFACTS_DIR, 'pages');
const SIZES = { desktop: DESKTOP, phone: PHONE } as const;

/** The plan; KBNN-KT's report, being drafted; KBNN-TT's, submitted twice (returned once between), so its versions compare. */
interface Ids {
  planId: string;
  reportId: string;
  versionedId: string;
}

interface Route {
  name: string;
  /** Who opens it; null: nobody signed in. */
  user: string | null;
  path: (ids: Ids) => string;
  /** The page's h1 once it has loaded. */
  heading: RegExp;
  /** What is opened on the page before it is checked (a part shown on demand). */
  then?: (page: Page) => Promise<void>;
}

const ROUTES: Route[] = [
  { name: 'sign-in', user: null, path: () => '/', heading: /^Đăng nhập$/ },
  { name: 'set-password', user: null, path: () => '/dat-mat-khau', heading: /mật khẩu/i },
  { name: 'my-tasks', user: 'kbnn-kt.soanthao', path: () => '/', heading: /^Công việc của tôi$/ },
  { name: 'drafting', user: 'kbnn-kt.soanthao', path: ({ reportId }) => `/reports/${reportId}/draft`, heading: /^Soạn thảo báo cáo/ },
  { name: 'report', user: 'kbnn.bithu', path: ({ reportId }) => `/reports/${reportId}`, heading: /^Báo cáo/ },
  { name: 'report-versions', user: 'kbnn.bithu', path: ({ versionedId }) => `/reports/${versionedId}#versions`, heading: /^Báo cáo/ },
  { name: 'plans', user: 'kbnn.bithu', path: () => '/plans', heading: /^Kế hoạch tổng kết$/ },
  { name: 'plan-dashboard', user: 'admin', path: ({ planId }) => `/plans/${planId}`, heading: /^Tiến độ kế hoạch/ },
  {
    name: 'plan-dashboard-consolidated',
    user: 'admin',
    path: ({ planId }) => `/plans/${planId}`,
    heading: /^Tiến độ kế hoạch/,
    then: async (page) => {
      await page.getByRole('button', { name: 'Xem báo cáo tổng hợp' }).click();
      await page.locator('.consolidated').waitFor();
    },
  },
  {
    name: 'plan-dashboard-overdue',
    user: 'admin',
    path: ({ planId }) => `/plans/${planId}`,
    heading: /^Tiến độ kế hoạch/,
    then: async (page) => {
      await page.getByRole('button', { name: /Quá hạn$/ }).click();
      await page.getByRole('heading', { level: 2, name: /^Đơn vị: Quá hạn/ }).waitFor();
    },
  },
  { name: 'plan-dashboard-unit', user: 'kbnn.bithu', path: ({ planId }) => `/plans/${planId}`, heading: /^Tiến độ kế hoạch/ },
  { name: 'level-report', user: 'tgv.lan', path: ({ planId }) => `/plans/${planId}/level-report`, heading: /báo cáo tổng hợp/i },
  { name: 'notifications', user: 'kbnn-kt.soanthao', path: () => '/notifications', heading: /^Thông báo$/ },
  { name: 'admin-workflow', user: 'admin', path: () => '/admin/workflow', heading: /quy trình/i },
  { name: 'admin-migrations', user: 'admin', path: () => '/admin/migrations', heading: /phiên bản/i },
  { name: 'admin-deadlines', user: 'admin', path: () => '/admin/deadlines', heading: /thời hạn/i },
  { name: 'admin-recipients', user: 'admin', path: () => '/admin/recipients', heading: /^Nơi nhận/ },
  { name: 'admin-users', user: 'admin', path: () => '/admin/users', heading: /người dùng/i },
  { name: 'admin-org-import', user: 'admin', path: () => '/admin/org-import', heading: /tổ chức/i },
  { name: 'not-found', user: 'admin', path: () => '/khong-co-trang-nay', heading: /^Không tìm thấy trang$/ },
];

interface Box {
  tagName: string;
  className: unknown;
  getBoundingClientRect(): { right: number };
}
type Overflow = { document: { scrollingElement: { scrollWidth: number } | null; querySelectorAll(selector: string): Iterable<Box> }; innerWidth: number };

describe('every page at 1366×768 and 390×844: screenshot, no sideways scroll, no axe-core violation', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let ids: Ids;
  const log = new RequestLog();
  const pages: Page[] = [];

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    const { plan, reports } = await launchedPlan(ctx);
    const versionedId = reports.get('KBNN-TT')!.id;
    ids = { planId: plan.id, reportId: reports.get('KBNN-KT')!.id, versionedId };
    // KBNN-TT's Bí thư drafts and approves it: submitted, returned with a reason, changed and submitted again.
    const tt = await session(ctx, 'kbnn-tt.bithu');
    await fillReport(ctx, versionedId, tt);
    await submitReport(versionedId, tt);
    await waitForStage(ctx, versionedId, 'cell_approval');
    const task = await openTask(tt, versionedId, 'cell_approval');
    expect((await completeTask(tt, task.id, 'return', 'Đề nghị bổ sung số liệu kết nạp đảng viên.')).status).toBe(202);
    await waitForStage(ctx, versionedId, 'drafting');
    await fillReport(ctx, versionedId, tt, (key, part) => `Bản sửa: ${key} – ${part}, đã bổ sung số liệu kết nạp đảng viên mới trong nhiệm kỳ.`);
    await submitReport(versionedId, tt);
    await waitForStage(ctx, versionedId, 'cell_approval');
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  /** A fresh browser context of that size, signed in as the route's user, on the route's page once it has loaded. */
  async function visit(route: Route, size: keyof typeof SIZES): Promise<Page> {
    const context = await browser.newContext({ viewport: SIZES[size], locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    context.setDefaultTimeout(10_000);
    log.watch(context);
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`${origin}/`);
    if (route.user) await signIn(page, route.user);
    await page.goto(`${origin}${route.path(ids)}`);
    await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
    // Loaded: nothing says "Đang tải…" any more.
    await page.waitForFunction(() => !(globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('Đang tải'));
    if (route.then) {
      await route.then(page);
      await page.waitForFunction(() => !(globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('Đang tải'));
    }
    return page;
  }

  for (const route of ROUTES) {
    for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
      it(`${route.name} at ${size} (${SIZES[size].width}×${SIZES[size].height})${route.user ? ` as ${route.user}` : ''}`, async () => {
        const page = await visit(route, size);
        await page.screenshot({ path: join(SHOTS, `${route.name}-${size}.png`), fullPage: true });
        // The page may not scroll sideways; when it does, the elements sticking out name the culprit.
        const overflow = await page.evaluate(() => {
          const win = globalThis as unknown as Overflow;
          const width = win.innerWidth;
          const wider =
            win.document.scrollingElement!.scrollWidth > width
              ? [...win.document.querySelectorAll('body *')]
                  .filter((el) => el.getBoundingClientRect().right > width + 0.5)
                  .slice(0, 8)
                  .map(
                    (el) =>
                      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`,
                  )
              : [];
          return { scrollWidth: win.document.scrollingElement!.scrollWidth, innerWidth: width, wider };
        });
        expect({ page: route.name, sticksOut: overflow.wider }).toEqual({ page: route.name, sticksOut: [] });
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
        await expectNoA11yViolations(page, `${route.name} at ${size}`);
        await page.context().close();
      });
    }
  }

  it('made no request off the engine’s own host', () => {
    expect(log.urls.length).toBeGreaterThan(0);
    expect(log.offServer(origin)).toEqual([]);
  });
});
