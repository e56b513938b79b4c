import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectStatus, session } from '../support/api';
import { E2eContext, stopE2e } from '../support/harness';
import { LevelReportDto, takesOf } from '../support/level-report';
import { PlanDto } from '../support/types';
import { waitFor } from '../kit/poll';
import { listenAgain, stopListening } from '../kit/in-process-engine';
import { closeAll, launchChromium, openAs, PHONE, RequestLog, screenshot } from './support/browser';
import { planAtConsolidation } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

const OFFLINE_TEXT = 'Tổ giúp việc viết khi mất kết nối: các đảng bộ trực thuộc đã chủ động tổng kết đúng hạn.';

/**
 * The Khối's own report loses nothing either: the working group types while the engine is down,
 * leaves the page and comes back; the text is put back from the browser with a notice and saved
 * once the engine answers, and nothing stays kept afterwards. On a phone, the size a member of the
 * working group may write from away from the office.
 */
describe('the web app: the working group’s text survives a lost connection', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let plan: PlanDto;
  const log = new RequestLog();
  const pages: Page[] = [];
  const level = async () => expectStatus(await (await session(ctx, 'tgv.lan')).get(`/api/plans/${plan.id}/level-report`), 200).body as LevelReportDto;

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    plan = await planAtConsolidation(ctx);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it('typed while the engine is down, kept across leaving the page, put back and saved when it is back', async () => {
    const page = await openAs(browser, log, origin, 'tgv.lan', PHONE);
    pages.push(page);
    const context: BrowserContext = page.context();
    await page.goto(`${origin}/plans/${plan.id}/level-report`);
    await page.getByRole('heading', { level: 1, name: /^Dự thảo báo cáo tổng hợp/ }).waitFor();
    const item = plan.outline![0];
    const editor = page.locator(`#level-${item.key}-${takesOf(item)[0]}`);
    await editor.waitFor();

    const port = await stopListening(ctx);
    try {
      await context.setOffline(true);
      await editor.fill(OFFLINE_TEXT);
      await page.getByRole('alert').filter({ hasText: 'Mất kết nối với máy chủ' }).waitFor();
      // Left inside the app, as a person would: a full navigation here may be held by the page's
      // unsaved-text prompt, and the page left open would save on reconnecting, racing the check.
      await page.locator('.breadcrumb').getByRole('link', { name: plan.code }).click();
      await page
        .getByText(/Không kết nối được với máy chủ/)
        .first()
        .waitFor();
    } finally {
      await listenAgain(ctx, port);
      await context.setOffline(false);
    }
    await page.goto(`${origin}/plans/${plan.id}/level-report`);
    await page.getByRole('status').filter({ hasText: 'Đã khôi phục nội dung chưa kịp lưu của 1 phần' }).waitFor({ timeout: 30_000 });
    expect(await editor.inputValue()).toBe(OFFLINE_TEXT);
    await waitFor(async () => (await level()).sections.find((s) => s.key === item.key)?.parts[takesOf(item)[0]] === OFFLINE_TEXT, {
      what: 'the text typed offline saved on the engine',
    });
    await screenshot(page, 'level-text-put-back');
    const keptKeys = () =>
      page.evaluate(() =>
        Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage).filter((k) => k.startsWith('tongket.draft')),
      );
    await waitFor(async () => (await keptKeys()).length === 0, { what: 'nothing kept in the browser once saved', timeoutMs: 5_000 });
  }, 90_000);

  it('no request left the engine’s host', () => {
    expect(log.offServer(origin)).toEqual([]);
  });
});
