import type { Browser, Page } from 'playwright-core';
import { toConsolidation } from '../support/drive';
import { getPlan } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { waitFor } from '../kit/poll';
import { closeAll, launchChromium, openAs, RequestLog, screenshot } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/**
 * The end of the plan in the web app: every report is brought to consolidation through the API;
 * then the root's working group reads the consolidated report and completes the consolidation from
 * its task on the dashboard, and the two members of the Standing Committee approve it there, which
 * completes the plan.
 */
describe('the web app: consolidation by the working group and approval by the Standing Committee', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let planId: string;
  const log = new RequestLog();
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await openAs(browser, log, origin, username);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    const { fixture, plan, reports } = await launchedPlan(ctx);
    planId = plan.id;
    await Promise.all([...reports].map(([unit, report]) => toConsolidation(ctx, fixture, unit, report.id)));
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it('the working group sees every report in the consolidated report and completes the consolidation from its task', async () => {
    const page = await open('tgv.lan');
    const link = page.getByRole('link', { name: /^Dự thảo báo cáo tổng hợp/ });
    await waitFor(
      async () => {
        if (await link.count()) return true;
        await page.getByRole('button', { name: 'Làm mới' }).click();
        return false;
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'the working group’s consolidation task' },
    );
    await screenshot(page, 'my-tasks-working-group');
    await link.click();
    // The task opens the Khối's report; the dashboard is one link away (level-report.browser-spec drives the report itself).
    await page.getByRole('heading', { level: 1, name: /^Dự thảo báo cáo tổng hợp/ }).waitFor();
    await page
      .locator('.breadcrumb')
      .getByRole('link', { name: /KH\/ĐUK$/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Tiến độ kế hoạch/ }).waitFor();
    await page.getByRole('button', { name: 'Xem báo cáo tổng hợp' }).click();
    const consolidated = page.locator('.consolidated');
    await consolidated.getByText('đủ tất cả các đơn vị').waitFor();
    expect(await consolidated.textContent()).toContain('đã có 10 báo cáo');
    await screenshot(page, 'dashboard-working-group-task');
    await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận ý kiến đồng ý' }).waitFor();
    await page
      .locator('.plan-work')
      .filter({ hasText: /Thông qua của Ban Thường vụ: .* 2 việc đang chờ/ })
      .waitFor();
  });

  it('both members of the Standing Committee approve, and the plan is completed', async () => {
    for (const username of ['btv.hung', 'btv.mai']) {
      const page = await open(username);
      await page.getByRole('link', { name: /^Phê duyệt báo cáo tổng hợp/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Dự thảo báo cáo tổng hợp/ }).waitFor();
      await page
        .locator('.breadcrumb')
        .getByRole('link', { name: /KH\/ĐUK$/ })
        .click();
      await page.getByRole('heading', { level: 2, name: /Công việc của đồng chí: Ban Thường vụ Đảng ủy Khối thông qua/ }).waitFor();
      if (username === 'btv.hung') await screenshot(page, 'dashboard-standing-committee-task');
      await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã ghi nhận ý kiến đồng ý' }).waitFor();
    }
    await waitFor(async () => (await getPlan(ctx, planId)).status === 'completed', { what: 'the plan completed' });
    const page = pages[pages.length - 1];
    await page.reload();
    await page.getByText('Đã hoàn thành').first().waitFor();
    // The deadlines' countdowns stop with the plan.
    expect(await page.locator('.countdown').allTextContents()).toEqual(expect.arrayContaining(['Kế hoạch đã hoàn thành']));
    expect((await page.locator('.countdown').allTextContents()).every((t) => t === 'Kế hoạch đã hoàn thành')).toBe(true);
    await screenshot(page, 'dashboard-plan-completed');
  });

  it('made no request to any host but the engine', () => {
    expect(log.offServer(origin)).toEqual([]);
  });
});
