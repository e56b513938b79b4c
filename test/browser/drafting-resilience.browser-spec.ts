import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { paragraphText, readWordFile } from '@app/core/documents/word-file';
import { forgetSession, session } from '../support/api';
import { E2eContext, FIXTURE_PASSWORD, stopE2e } from '../support/harness';
import { waitFor } from '../kit/poll';
import { listenAgain, stopListening } from '../kit/in-process-engine';
import { launchChromium, RequestLog, screenshot } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/**
 * Issue 15, drafting: nobody loses work. On a laptop (1366×768) and a phone (390×844), each with a
 * drafter of their own cell: a link opens the drafting page after sign-in and in a new tab without
 * it; long texts grow their box and their lists and table reach the .docx; items fold; a refused
 * submit is reached by keyboard and takes the focus; with the engine stopped a banner says so, what
 * is typed survives navigating away and is saved once the engine is back; an expired session asks
 * for the password over the page and the waiting save goes through.
 */
const VIEWPORTS = [
  { name: 'laptop', viewport: { width: 1366, height: 768 }, unit: 'KBNN-TT', drafter: 'kbnn-tt.bithu', fullName: 'Đặng Thị Hoa' },
  { name: 'phone', viewport: { width: 390, height: 844 }, unit: 'HLHPN-TG', drafter: 'hlhpn-tg.bithu', fullName: 'Kiều Thị Thảo' },
];

const LONG_TEXT = [
  'Đơn vị có 25 đảng viên, sinh hoạt tại 3 tổ đảng.',
  'Thuận lợi chủ yếu:',
  '- Cấp ủy đoàn kết, thống nhất cao',
  '- Đảng viên có trình độ chuyên môn vững',
  'Các việc đã làm:',
  '1. Tổ chức hội nghị quán triệt nghị quyết',
  '2. Sơ kết giữa nhiệm kỳ',
  '| Năm | Kết nạp | Chuyển đến |',
  '|---|---|---|',
  '| 2021 | 2 | 1 |',
  '| 2022 | 3 | 0 |',
  'Khó khăn: một số đảng viên thường xuyên đi công tác xa.',
].join('\n');
const OFFLINE_TEXT = 'Đánh giá chung viết khi mất kết nối: đơn vị hoàn thành tốt nhiệm vụ.';
const AFTER_EXPIRY_TEXT = 'Bài học kinh nghiệm viết lúc phiên đăng nhập vừa hết hạn.';

type Focused = { document: { activeElement: { id: string; textContent: string | null; getAttribute(name: string): string | null } | null } };

function focused(page: Page): Promise<{ id: string; text: string; testId: string | null } | undefined> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as Focused).document.activeElement;
    return active ? { id: active.id, text: active.textContent?.trim() ?? '', testId: active.getAttribute('data-testid') } : undefined;
  });
}

/** Whether the element is wholly inside the visible part of the page. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height + 1 && box.x >= 0 && box.x + box.width <= size.width + 1;
}

const bodyText = (page: Page) => page.locator('body').innerText();

describe('drafting that loses nothing', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let reports: Map<string, { id: string }>;
  const log = new RequestLog();

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    ({ reports } = await launchedPlan(ctx));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopE2e(ctx);
  });

  describe.each(VIEWPORTS)('on a $name ($viewport.width×$viewport.height)', ({ name, viewport, unit, drafter, fullName }) => {
    let context: BrowserContext;
    let page: Page;
    let reportId: string;
    let draftPath: string;
    const shot = (what: string) => screenshot(page, `${name}-${what}`);
    const textOf = async (key: string) => {
      const res = await (await session(ctx, drafter)).get(`/api/reports/${reportId}`);
      return (res.body.sections as { key: string; text?: string }[]).find((s) => s.key === key)?.text;
    };

    beforeAll(async () => {
      reportId = reports.get(unit)!.id;
      draftPath = `/reports/${reportId}/draft`;
      context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, hasTouch: name === 'phone' });
      context.setDefaultTimeout(10_000);
      log.watch(context);
      page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[${drafter}] page error: ${error.message}`));
    });

    afterAll(async () => {
      await context?.close().catch(() => undefined);
    });

    it('a link without a session goes to sign-in and back to the link; a new tab opens it already signed in', async () => {
      await page.goto(`${origin}${draftPath}`);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await page.getByLabel('Tên đăng nhập').fill(drafter);
      await page.getByLabel('Mật khẩu').fill(FIXTURE_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: /^Soạn thảo báo cáo – / }).waitFor();
      expect(new URL(page.url()).pathname).toBe(draftPath);

      const tab = await context.newPage();
      await tab.goto(`${origin}${draftPath}`);
      await tab.getByRole('heading', { level: 1, name: /^Soạn thảo báo cáo – / }).waitFor();
      expect(await tab.getByRole('heading', { level: 1, name: 'Đăng nhập' }).count()).toBe(0);
      await tab.close();
    });

    it('a long text grows its box, keeps the progress and the save state in view, and folds away', async () => {
      const box = page.locator('#context-text');
      const before = (await box.boundingBox())!.height;
      await box.fill(LONG_TEXT);
      await page.getByRole('status').filter({ hasText: 'Đã lưu tự động lúc' }).waitFor();
      const after = (await box.boundingBox())!.height;
      expect(after).toBeGreaterThan(before);
      // The whole text shows: the box has no scroll of its own.
      expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);

      await page.locator('#overall_assessment-text').scrollIntoViewIfNeeded();
      const bar = page.getByRole('region', { name: 'Thanh nộp báo cáo' });
      expect(await page.getByTestId('drafting-progress').innerText()).toMatch(/^1\/15 mục đã đủ$/);
      await shot('long-text');
      // One column as wide as the screen: nothing pushes the page sideways.
      expect(await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(0);
      expect(await inView(page, bar)).toBe(true);
      expect(await inView(page, bar.getByRole('button', { name: 'Nộp báo cáo' }))).toBe(true);

      const toggle = page.locator('#editor-context .fold-toggle');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#context-text').isVisible()).toBe(false);
      expect(await page.locator('#editor-context legend').innerText()).toContain('đã đủ');
      await toggle.click();
      expect(await page.locator('#context-text').isVisible()).toBe(true);
    });

    it('the keyboard skips to submit; a refused submit takes the focus at the top and each entry jumps to its empty field', async () => {
      await page.locator('.breadcrumb a').focus();
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page))?.text).toBe('Bỏ qua các mục, đến thanh nộp báo cáo');
      await page.keyboard.press('Enter');
      expect((await focused(page))?.text).toBe('Nộp báo cáo');
      await page.keyboard.press('Enter');

      const summary = page.getByTestId('missing-parts');
      await summary.waitFor();
      await waitFor(async () => (await focused(page))?.testId === 'missing-parts', { what: 'the focus on the list of missing items' });
      expect(await summary.getAttribute('role')).toBe('alert');
      const top = (await summary.boundingBox())!;
      expect(top.y).toBeGreaterThanOrEqual(0);
      expect(top.y).toBeLessThan(viewport.height / 2);
      expect(await page.locator('#submit-refusal').innerText()).toContain('còn 14 mục bắt buộc chưa đủ');
      await shot('refused');

      await summary.getByRole('link', { name: 'Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)' }).click();
      await waitFor(async () => (await focused(page))?.id === 'political-strengths', { what: 'the focus on the first empty required field of the item' });
      await shot('jumped-to-field');
      expect(await inView(page, page.locator('#political-strengths'))).toBe(true);
    });

    it('with the engine stopped: a banner in Vietnamese, what is typed survives navigating away and is saved once the engine is back', async () => {
      const port = await stopListening(ctx);
      try {
        if (name === 'phone') await context.setOffline(true);
        await page.locator('#overall_assessment-text').fill(OFFLINE_TEXT);
        await page.getByRole('alert').filter({ hasText: 'Mất kết nối với máy chủ' }).waitFor();
        await shot('offline-drafting');
        await page
          .locator('.breadcrumb')
          .getByRole('link', { name: `Báo cáo ${unit}` })
          .click();
        await page
          .getByText(/Không kết nối được với máy chủ/)
          .first()
          .waitFor();
        await page.goBack();
        await page
          .getByText(/Không kết nối được với máy chủ/)
          .first()
          .waitFor();
        expect(await bodyText(page)).not.toMatch(/Failed to fetch|NetworkError|TypeError/);
        await shot('offline-back');
      } finally {
        await listenAgain(ctx, port);
        // The phone's browser says it is online again (the `online` event); the laptop's finds out by its own retries.
        if (name === 'phone') await context.setOffline(false);
      }
      await page.getByRole('status').filter({ hasText: 'Đã khôi phục nội dung chưa kịp lưu của 1 mục' }).waitFor({ timeout: 30_000 });
      expect(await page.locator('#overall_assessment-text').inputValue()).toBe(OFFLINE_TEXT);
      expect(await page.getByRole('alert').filter({ hasText: 'Mất kết nối' }).count()).toBe(0);
      await waitFor(async () => (await textOf('overall_assessment')) === OFFLINE_TEXT, { what: 'the text typed offline saved on the engine' });
      await page.getByRole('status').filter({ hasText: 'Đã lưu tự động lúc' }).waitFor();
      const kept = await page.evaluate(() =>
        Object.keys((globalThis as unknown as { localStorage: Record<string, string> }).localStorage).filter((k) => k.startsWith('tongket.draft')),
      );
      expect(kept).toEqual([]);
      await shot('back-online');
    }, 60_000);

    it('an expired session asks for the password over the page; the save waiting behind it goes through', async () => {
      await ctx.db.query(`UPDATE user_sessions SET ended_at = now() WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE username = $1)`, [
        drafter,
      ]);
      forgetSession(ctx, drafter);
      await page.locator('#lessons_learned-text').fill(AFTER_EXPIRY_TEXT);
      const dialog = page.getByRole('dialog', { name: 'Phiên đăng nhập đã hết hạn' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(fullName);
      // Modal: the page behind stays as it was and cannot be typed into until the person answers.
      expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
      await shot('session-expired');
      await dialog.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await dialog.getByRole('button', { name: 'Tiếp tục làm việc' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'Mật khẩu không đúng.' }).waitFor();
      await dialog.getByLabel('Mật khẩu').fill(FIXTURE_PASSWORD);
      await dialog.getByRole('button', { name: 'Tiếp tục làm việc' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(new URL(page.url()).pathname).toBe(draftPath);
      expect(await page.locator('#lessons_learned-text').inputValue()).toBe(AFTER_EXPIRY_TEXT);
      await waitFor(async () => (await textOf('lessons_learned')) === AFTER_EXPIRY_TEXT, { what: 'the save retried after signing in again' });
    });

    it('the lists and the table typed reach the .docx as a Word list and a Word table', async () => {
      await page.getByRole('link', { name: `Báo cáo ${unit}` }).click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
      const { xml, paragraphs } = readWordFile(await readFile((await (await downloading).path())!));
      expect(paragraphs).toContain('–Cấp ủy đoàn kết, thống nhất cao');
      expect(paragraphs).toContain('1.Tổ chức hội nghị quán triệt nghị quyết');
      const item = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => paragraphText(p) === '–Đảng viên có trình độ chuyên môn vững');
      expect(item).toMatch(/w:hanging=/);
      const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t).find((t) => t.includes('Chuyển đến'));
      const rows = [...table!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
        [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => paragraphText(cell)),
      );
      expect(rows).toEqual([
        ['Năm', 'Kết nạp', 'Chuyển đến'],
        ['2021', '2', '1'],
        ['2022', '3', '0'],
      ]);
      expect(paragraphs.join('\n')).not.toContain('|');
    });
  });

  // Last, after both viewports' tests (a test beside a describe block runs before the block's tests).
  describe('afterwards', () => {
    it('made no request to any host but the engine', () => {
      expect(log.offServer(origin)).toEqual([]);
    });
  });
});
