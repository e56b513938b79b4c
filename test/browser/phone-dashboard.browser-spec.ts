import type { Browser, Page } from 'playwright-core';
import { createPlan, launchPlan } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { expectNoA11yViolations } from './support/a11y';
import { closeAll, DESKTOP, launchChromium, openAs, PHONE, RequestLog, screenshot } from './support/browser';
import { inDays, launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/**
 * Phones and the dashboard: on a phone the task list is cards with their action in reach and the
 * header folds into a menu; the dashboard's counts filter the tree and the list, overdue units are
 * reminded ("Đôn đốc") with one click, once a day; and each person sees only the plans they have a
 * role in, with no link into a page that would refuse them.
 */
type Win = { document: { scrollingElement: { scrollWidth: number } | null }; innerWidth: number };

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const win = globalThis as unknown as Win;
    return (win.document.scrollingElement?.scrollWidth ?? 0) > win.innerWidth;
  });
}

describe('phones and the dashboard', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let planId: string;
  let hlhpnPlanCode: string;
  const log = new RequestLog();
  const pages: Page[] = [];
  const open = async (username: string, viewport: { width: number; height: number }) => {
    const page = await openAs(browser, log, origin, username, viewport);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    const { plan } = await launchedPlan(ctx);
    planId = plan.id;
    // A second plan, of HLHPN's tree only: the people of KBNN have no role in it.
    const hlhpn = await createPlan(ctx, { rootUnit: 'HLHPN', deadlines: { cell: { drafting: inDays(5) } } });
    hlhpnPlanCode = hlhpn.code;
    await launchPlan(ctx, hlhpn.id);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it('on a phone, each task is a card with its action visible, and the header folds into a menu', async () => {
    const page = await open('kbnn-kt.soanthao', PHONE);
    const card = page.locator('tr[data-task-unit="KBNN-KT"]');
    await card.waitFor();
    const action = card.getByRole('link', { name: /Soạn thảo/ });
    expect(await action.isVisible()).toBe(true);
    const box = (await action.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // A card, not a row of a wide table: the action sits under the unit's name, as wide as the card.
    const name = (await card.locator('td').first().boundingBox())!;
    expect(box.y).toBeGreaterThan(name.y);
    expect(box.width).toBeGreaterThan(PHONE.width / 2);
    expect(await scrollsSideways(page)).toBe(false);

    const menu = page.getByRole('button', { name: 'Trình đơn' });
    const nav = page.getByRole('navigation', { name: 'Chính' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await screenshot(page, 'phone-tasks-cards');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Kế hoạch' }).waitFor();
    await expectNoA11yViolations(page, 'menu open');
    await screenshot(page, 'phone-menu-open');
    await nav.getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch tổng kết' }).waitFor();
    // The menu folds again once the page has changed.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('at 1366 px the navigation shows without a menu button', async () => {
    const page = await open('kbnn-kt.soanthao', DESKTOP);
    expect(await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Kế hoạch' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Trình đơn' }).isVisible()).toBe(false);
  });

  it('the dashboard’s overdue count filters the tree and the list; “Đôn đốc” reminds the unit once a day', async () => {
    const page = await open('admin', PHONE);
    await page.goto(`${origin}/plans/${planId}`);
    await page.getByRole('heading', { level: 1, name: /Tiến độ kế hoạch/ }).waitFor();
    await page.locator('.tree-node[data-unit="KBNN-KT"]').waitFor();
    const overdue = page.getByRole('button', { name: /^1 Quá hạn$/ });
    expect(await overdue.getAttribute('aria-pressed')).toBe('false');
    await overdue.click();
    expect(await overdue.getAttribute('aria-pressed')).toBe('true');
    // Only the overdue unit (the grassroots level is a day late) stays in the tree, under its root, and in the list.
    const treeUnits = await page
      .locator('.unit-tree .tree-node')
      .evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { unit: string } }).dataset.unit));
    expect(treeUnits).toEqual(['DUK', 'BVNN']);
    await page.getByRole('heading', { level: 2, name: 'Đơn vị: Quá hạn (1)' }).waitFor();
    const item = page.locator('.unit-list li[data-unit="BVNN"]');
    expect(await page.locator('.unit-list li').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoA11yViolations(page, 'dashboard filtered');
    await screenshot(page, 'phone-dashboard-overdue', true);

    await item.getByRole('button', { name: 'Đôn đốc' }).click();
    await item.getByText('Đã đôn đốc hôm nay').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã đôn đốc .*1 người nhận/ })
      .waitFor({ state: 'attached' });
    const { rows } = await ctx.db.query<{ username: string; title: string }>(
      `SELECT u.username, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'nudge' AND n.plan_id = $1`,
      [planId],
    );
    expect(rows).toEqual([{ username: 'bvnn.bithu', title: expect.stringMatching(/^Đôn đốc: /) }]);
    await screenshot(page, 'phone-dashboard-nudged', true);

    // The same day again (a fresh page forgets what it did): refused, with the reason, nothing sent.
    await page.reload();
    await page.getByRole('button', { name: /^1 Quá hạn$/ }).click();
    await page.locator('.unit-list li[data-unit="BVNN"]').getByRole('button', { name: 'Đôn đốc' }).click();
    await page.locator('.unit-list li[data-unit="BVNN"]').getByText('Đã đôn đốc hôm nay').waitFor();
    await page.getByRole('status').filter({ hasText: 'một lần mỗi ngày' }).waitFor({ state: 'attached' });
    expect((await ctx.db.query(`SELECT 1 FROM notifications WHERE kind = 'nudge' AND plan_id = $1`, [planId])).rows).toHaveLength(1);

    // Another count filters by stage; the total clears the filter.
    await page.getByRole('button', { name: /Tổng số$/ }).click();
    expect(await page.locator('.unit-tree .tree-node').count()).toBe(11);
  });

  it('a person sees only the plans they have a role in, and no link on them leads to a refusal', async () => {
    const page = await open('kbnn.bithu', PHONE);
    await page.goto(`${origin}/plans`);
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch tổng kết' }).waitFor();
    await page.locator('.plan-list li').first().waitFor();
    const listed = await page.locator('.plan-list li').allTextContents();
    expect(listed).toHaveLength(1);
    expect(listed.join(' ')).not.toContain(hlhpnPlanCode);

    await page.locator('.plan-list').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /Tiến độ kế hoạch/ }).waitFor();
    await page.getByTestId('progress-scope').waitFor();
    // KBNN's people see their subtree: no link to the Khối's own report, no reminder to their own unit.
    expect(await page.getByRole('link', { name: 'Dự thảo báo cáo tổng hợp' }).count()).toBe(0);
    const links = await page
      .locator('main a[href^="/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')))]);
    expect(links.length).toBeGreaterThan(1);
    for (const href of links) {
      await page.goto(`${origin}${href}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !(globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('Đang tải'));
      expect({ href, refused: await page.getByText('không có quyền').count() }).toEqual({ href, refused: 0 });
    }
    expect(log.offServer(origin)).toEqual([]);
  });
});
