import type { Browser, Page } from 'playwright-core';
import { session } from '../support/api';
import { fillReport, submitReport, waitForStage } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { waitFor } from '../kit/poll';
import { expectNoA11yViolations } from './support/a11y';
import { closeAll, DESKTOP, launchChromium, openAs, PHONE, RequestLog, screenshot } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/**
 * Where a decision stands and remarks on the text, on a laptop (1366×768) and a phone (390×844): the first approver of
 * KBNN-KT's cell sees where the decision stands, leaves a remark on an item quoting its text, and
 * approves with a comment from below the whole text; the second approver, on a
 * phone, reads "1/2 đã đồng ý", the comment and the remark, answers it and returns the report; the
 * drafter finds the task marked "Bị trả lại" with the reason, answers the remark and resolves it
 * from the drafting page. Setup (plan, filled report, submit) goes through the API.
 */
const UNIT = 'KBNN-KT';
const QUOTE = 'đảng viên gương mẫu thực hiện';
const REMARK = 'Đề nghị nêu số đảng viên được biểu dương vì gương mẫu.';
const APPROVAL_COMMENT = 'Đồng ý, đề nghị bổ sung số liệu biểu dương.';
const REASON = 'Cần bổ sung số liệu theo góp ý tại mục chính trị.';
const ANSWER = 'Đã bổ sung: 12 đảng viên được biểu dương trong nhiệm kỳ.';

/** What selecting a passage in the page uses (the tests' TypeScript has no DOM library). */
type Selecting = {
  document: { createRange(): { setStart(node: unknown, offset: number): void; setEnd(node: unknown, offset: number): void } };
  getSelection(): { removeAllRanges(): void; addRange(range: unknown): void };
};

describe('the review side: where the decision stands, remarks on the items, returned tasks', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let reportId: string;
  const log = new RequestLog();
  const pages: Page[] = [];
  const open = async (username: string, viewport: { width: number; height: number }) => {
    const page = await openAs(browser, log, origin, username, viewport);
    pages.push(page);
    return page;
  };
  /** The remarks beside one item of the report (or of the drafting page's panel). */
  const remarksOf = (page: Page, key: string) => page.locator(`[data-remarks-section="${key}"]`);
  /** Nothing of the page reaches past the phone's width: the panels reflow rather than scroll sideways. */
  const fitsWidth = async (page: Page, selector: string) => {
    const boxes = await page.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
    expect(boxes.length).toBeGreaterThan(0);
    for (const right of boxes) expect(right).toBeLessThanOrEqual(PHONE.width);
  };

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    const { reports } = await launchedPlan(ctx);
    reportId = reports.get(UNIT)!.id;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it('laptop: the approver sees the rule and who is awaited, adds a remark quoting the text, approves with a comment', async () => {
    const page = await open('kbnn-kt.bithu', DESKTOP);
    await page.getByText('0/2 đã đồng ý').first().waitFor();
    await page.getByRole('link', { name: new RegExp(`Xem và cho ý kiến.*${UNIT}`) }).click();
    const decision = page.getByTestId('decision-summary');
    await decision.filter({ hasText: '0/2 đã đồng ý, chờ Hoàng Văn Bình, Ngô Thị Dung' }).waitFor();
    await page.getByText('Cần quá nửa số đồng chí đồng ý (2/2).').waitFor();
    // The decision comes after the whole text, figures included.
    const actionsTop = (await page.locator('#task-actions-title').boundingBox())!.y;
    const lastTableBottom = await page
      .locator('.sections-view table')
      .last()
      .evaluate((el) => el.getBoundingClientRect().bottom);
    expect(actionsTop).toBeGreaterThan(lastTableBottom);
    await screenshot(page, 'laptop-report-decision-state');

    const political = remarksOf(page, 'political');
    await political.getByText('Chưa có góp ý').waitFor();
    await political.getByText('Thêm góp ý cho mục này').click();
    // A quote the item does not contain is refused, in Vietnamese, and nothing is added.
    await political.getByLabel('Đoạn trích dẫn (không bắt buộc)').fill('một câu không có trong báo cáo');
    await political.getByLabel(/Nội dung góp ý/).fill(REMARK);
    await political.getByRole('button', { name: 'Gửi góp ý' }).click();
    await political.getByRole('alert').filter({ hasText: 'đoạn trích dẫn không có trong nội dung mục' }).waitFor();
    // The passage selected in the item's text becomes the quote.
    await page
      .locator('#section-political')
      .locator('..')
      .locator('dd')
      .first()
      .evaluate((dd, quote) => {
        const text = (dd as unknown as { firstChild: { textContent: string } }).firstChild;
        const start = text.textContent.indexOf(quote);
        const { document, getSelection } = globalThis as unknown as Selecting;
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + quote.length);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }, QUOTE);
    await political.getByRole('button', { name: 'Lấy đoạn đang chọn' }).click();
    expect(await political.getByLabel('Đoạn trích dẫn (không bắt buộc)').inputValue()).toBe(QUOTE);
    await political.getByRole('button', { name: 'Gửi góp ý' }).click();
    await political.locator('.remark-quote').filter({ hasText: QUOTE }).waitFor();
    await political.locator('.remark-text').filter({ hasText: REMARK }).waitFor();
    await page.locator('#section-political .remark-count-badge').filter({ hasText: '1 góp ý' }).waitFor();
    await political.scrollIntoViewIfNeeded();
    await screenshot(page, 'laptop-remark-added');
    await expectNoA11yViolations(page, 'report page of a reviewer at 1366×768');

    // The decision is reached through the text: no link of the page jumps over it.
    expect(await page.locator('a[href="#task-actions-title"]').count()).toBe(0);
    await page.getByLabel('Ý kiến kèm theo (không bắt buộc)').fill(APPROVAL_COMMENT);
    await page.locator('#task-actions-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'laptop-decision-after-text');
    await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận ý kiến đồng ý' }).waitFor();
    await waitFor(
      async () =>
        (await ctx.db.query(`SELECT 1 FROM tasks WHERE report_id = $1 AND decision = 'approve' AND comment = $2`, [reportId, APPROVAL_COMMENT])).rows.length ===
        1,
      {
        what: 'the approval stored with its comment',
      },
    );
  });

  it('phone: the second approver reads "1/2 đã đồng ý", the comment and the remark, answers it and returns the report', async () => {
    const page = await open('kbnn-kt.capuy', PHONE);
    await page.getByText('1/2 đã đồng ý').first().waitFor();
    await page.getByRole('link', { name: new RegExp(`Xem và cho ý kiến.*${UNIT}`) }).click();
    await page.getByTestId('decision-summary').filter({ hasText: '1/2 đã đồng ý, chờ Ngô Thị Dung' }).waitFor();
    await page.locator('.member-comment').filter({ hasText: APPROVAL_COMMENT }).waitFor();
    await fitsWidth(page, '.decision-state');
    await screenshot(page, 'phone-decision-state');

    const political = remarksOf(page, 'political');
    await political.locator('.remark-quote').filter({ hasText: QUOTE }).waitFor();
    await political.getByLabel('Trả lời góp ý').fill('Nhất trí, cần có số liệu cụ thể.');
    await political.getByRole('button', { name: 'Gửi trả lời' }).click();
    await political.locator('.remark-replies li').filter({ hasText: 'Ngô Thị Dung' }).waitFor();
    // Only a drafter marks a remark resolved: an approver is not offered it.
    expect(await political.getByRole('button', { name: 'Đánh dấu đã xử lý' }).count()).toBe(0);
    await political.scrollIntoViewIfNeeded();
    await fitsWidth(page, '[data-remarks-section]');
    await screenshot(page, 'phone-remark-thread');

    await page.getByLabel(/Lý do trả lại/).fill(REASON);
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã trả lại báo cáo' }).waitFor();
    await waitForStage(ctx, reportId, 'drafting');
  });

  for (const [label, viewport] of [
    ['laptop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${label}: the drafter’s task is marked "Bị trả lại" with the reason`, async () => {
      const page = await open('kbnn-kt.soanthao', viewport);
      await page.locator('.returned-badge').filter({ hasText: 'Bị trả lại' }).first().waitFor();
      await page.locator('.returned-reason').filter({ hasText: REASON }).first().waitFor();
      if (viewport === PHONE) await fitsWidth(page, '.returned-reason');
      await screenshot(page, `${label}-task-returned`);
    });
  }

  it('phone: the drafter answers the remark and resolves it from the drafting page; the trail names both', async () => {
    const page = pages[pages.length - 1];
    await page.getByRole('link', { name: new RegExp(`Soạn thảo.*${UNIT}`) }).click();
    const panel = page.getByRole('region', { name: /Góp ý của người thẩm định/ });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('1 góp ý, 1 chưa xử lý');
    const political = remarksOf(page, 'political');
    await political.getByLabel('Trả lời góp ý').fill(ANSWER);
    await political.getByRole('button', { name: 'Gửi trả lời' }).click();
    await political.locator('.remark-replies li').filter({ hasText: ANSWER }).waitFor();
    await political.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await political.locator('.remark-resolved').filter({ hasText: 'Đã xử lý (Bùi Quang Huy' }).waitFor();
    expect(await political.getByLabel('Trả lời góp ý').count()).toBe(0);
    await fitsWidth(page, '.remarks-panel');
    await expectNoA11yViolations(page, 'drafting page with remarks at 390×844');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-drafting-remark-resolved');

    await page.goto(`${origin}/reports/${reportId}`);
    const audit = page.locator('table.audit');
    await audit.waitFor();
    for (const action of ['Góp ý vào một mục', 'Trả lời góp ý', 'Đánh dấu góp ý đã xử lý']) expect(await audit.textContent()).toContain(action);
    expect(await audit.textContent()).toContain(APPROVAL_COMMENT);
  });

  it('asked nothing of any host but the engine', () => {
    expect(log.offServer(origin)).toEqual([]);
  });
});
