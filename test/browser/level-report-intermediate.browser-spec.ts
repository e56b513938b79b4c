import type { Browser, Page } from 'playwright-core';
import { toConsolidation } from '../support/drive';
import { createPlan, getReport, importFixture, launchPlan, reportsByUnit, waitForStage } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { waitFor } from '../kit/poll';
import { closeAll, launchChromium, openAs, RequestLog, screenshot } from './support/browser';
import { inDays } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

const KBNN = 'Đảng bộ Kho bạc Nhà nước Trung ương';
const TT = 'Chi bộ Cục Thanh toán';

/**
 * An intermediate consolidating level in the web app: in a plan consolidating at the upper
 * committees, KBNN's three cells are approved, so KBNN's own report starts from their texts. Its
 * drafter opens it from the plan's collections, writes beside its cells' sources (filtered to one
 * cell, a passage copied in) and sends it to KBNN's own committee.
 */
describe('the web app: an intermediate level writes its own report beside its cells’ sources', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let planId: string;
  let kbnn: string;
  const log = new RequestLog();
  const pages: Page[] = [];

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    const fixture = await importFixture(ctx);
    const dates = { drafting: inDays(3), cell_approval: inDays(6), committee_review: inDays(9) };
    planId = (
      await createPlan(ctx, {
        deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: inDays(25) } },
        consolidateAt: ['upper'],
      } as never)
    ).id;
    await launchPlan(ctx, planId);
    const reports = await reportsByUnit(ctx, planId);
    kbnn = reports.get('KBNN')!.id;
    await Promise.all(['KBNN-KT', 'KBNN-TT', 'KBNN-VP'].map((unit) => toConsolidation(ctx, fixture, unit, reports.get(unit)!.id)));
    await waitFor(
      async () =>
        (await getReport(ctx, kbnn)).indicators.lecturers !== undefined ||
        (await getReport(ctx, kbnn)).sections.some((s) => s.strengths || (s as { text?: string }).text),
      {
        timeoutMs: 20_000,
        what: 'KBNN pre-filled',
      },
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it('KBNN’s drafter opens its report from the plan’s collections, copies a cell’s passage in and sends it to its committee', async () => {
    const page = await openAs(browser, log, origin, 'kbnn.soanthao');
    pages.push(page);
    await page.goto(`${origin}/plans/${planId}`);
    await page.getByRole('link', { name: 'KBNN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Dự thảo báo cáo tổng hợp – ${KBNN}` }).waitFor();
    await page.getByText('Đã có báo cáo được duyệt của').waitFor();
    expect(await page.locator('.completeness').textContent()).toContain('3/3 đơn vị');

    const sources = page.getByRole('complementary');
    await sources.getByLabel('Lọc theo đơn vị').selectOption({ label: TT });
    await waitFor(async () => (await sources.locator('article').count()) === 1, { what: 'one cell’s sources' });
    const editor = page.locator('textarea[id^="level-"]').first();
    const before = await editor.inputValue();
    expect(before).toContain(`${TT}: `);
    const passage = (await sources.locator('.passage p').first().textContent())!;
    await sources
      .getByRole('button', { name: /^Chèn vào dự thảo: đoạn 1/ })
      .first()
      .click();
    expect(await editor.inputValue()).toBe(`${before.trimEnd()}\n${passage}`);
    await page.getByText(/Đã lưu tự động lúc/).waitFor();
    await screenshot(page, 'intermediate-sources');

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await waitForStage(ctx, kbnn, 'cell_approval', 15_000);
    await page
      .getByTestId('level-status')
      .filter({ hasText: /thông qua/i })
      .waitFor();
  });

  it('made no request to any host but the engine', () => {
    expect(log.offServer(origin)).toEqual([]);
  });
});
