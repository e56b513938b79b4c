import type { Browser, Page } from 'playwright-core';
import { expectStatus, session } from '../support/api';
import { E2eContext, stopE2e } from '../support/harness';
import { closeAll, LAPTOP, launchChromium, openAs, RequestLog, screenshot } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

const PHONE = { width: 390, height: 844 };

/**
 * Nơi nhận in the web app: an administrator sees, per level, what the plan's reports print, writes a
 * level's own lines (a leading "- " allowed), is told which level's text is too long before anything
 * is sent, and puts the usual lines back by emptying the level. At laptop and phone sizes.
 */
describe('the web app: the Nơi nhận of a plan’s reports, per level', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let planId: string;
  const log = new RequestLog();
  const pages: Page[] = [];

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    planId = (await launchedPlan(ctx)).plan.id;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it.each([
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ])(
    'an administrator sets a level’s own lines and restores the usual ones (%s)',
    async (size, viewport) => {
      // Each size starts from the usual lines, whatever the other one left.
      expectStatus(await (await session(ctx, 'admin')).put(`/api/plans/${planId}/recipients`).send({ recipients: null }), 200);
      const page = await openAs(browser, log, origin, 'admin', viewport);
      pages.push(page);
      await page.goto(`${origin}/admin/recipients`);
      await page.getByRole('heading', { level: 1, name: 'Nơi nhận của báo cáo' }).waitFor();
      const cell = page.getByRole('group', { name: 'Chi bộ trực thuộc' });
      await cell.getByText('Đang in nơi nhận thông thường').waitFor();
      await cell.getByText('- Lưu: Chi bộ').waitFor();
      await page.getByRole('group', { name: 'Đảng bộ Khối' }).getByText('- Ban Bí thư (để báo cáo)').waitFor();

      const field = cell.getByLabel('Nơi nhận riêng của kế hoạch (mỗi dòng một nơi)');
      await field.fill(`- Ban Tổ chức Đảng ủy Khối (để biết)\n${'x'.repeat(301)}`);
      await page.getByRole('button', { name: 'Lưu nơi nhận' }).click();
      await cell.getByText('Dòng 2 dài quá 300 ký tự.').waitFor();
      await page.getByText('Chưa lưu: có cấp có nơi nhận chưa hợp lệ').waitFor();
      const admin = await session(ctx, 'admin');
      expect(expectStatus(await admin.get(`/api/plans/${planId}/recipients`), 200).body.recipients).toBeNull();

      await field.fill('- Ban Tổ chức Đảng ủy Khối (để biết)\nĐảng ủy cấp trên trực tiếp (để báo cáo)');
      await page.getByRole('button', { name: 'Lưu nơi nhận' }).click();
      await page.getByText('Đã lưu nơi nhận').waitFor();
      await cell.getByText('Đang in (ví dụ').waitFor();
      await cell.getByText('- Ban Tổ chức Đảng ủy Khối (để biết)', { exact: true }).waitFor();
      expect(expectStatus(await admin.get(`/api/plans/${planId}/recipients`), 200).body.recipients).toEqual({
        cell: ['Ban Tổ chức Đảng ủy Khối (để biết)', 'Đảng ủy cấp trên trực tiếp (để báo cáo)'],
      });
      await screenshot(page, `recipients-${size}`);

      await cell.getByLabel('Nơi nhận riêng của kế hoạch (mỗi dòng một nơi)').fill('');
      await page.getByRole('button', { name: 'Lưu nơi nhận' }).click();
      await cell.getByText('Đang in nơi nhận thông thường').waitFor();
      expect(expectStatus(await admin.get(`/api/plans/${planId}/recipients`), 200).body.recipients).toBeNull();
      type Window = { innerWidth: number; document: { scrollingElement: { scrollWidth: number } } };
      const overflow = await page.evaluate(() => {
        const w = globalThis as unknown as Window;
        return w.document.scrollingElement.scrollWidth - w.innerWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
    },
    60_000,
  );

  it('no request left the engine’s host', () => {
    expect(log.offServer(origin)).toEqual([]);
  });
});
