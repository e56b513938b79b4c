import { readFile } from 'node:fs/promises';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { waitForStage } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { waitFor } from '../kit/poll';
import { FIXTURE_PASSWORD } from '../support/harness';
import { closeAll, launchChromium, openAs, RequestLog, screenshot, TABLET } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/**
 * The walk through the web app, every action under test done by clicks and typing in
 * chromium: a drafter submits (refused first, with the missing parts listed), the cell's two
 * approvers approve, the reviewer of the Đảng bộ above returns it with a reason, the drafter sees
 * the reason and resubmits, the versions show what changed; an administrator looks at the
 * dashboard, adds a stage to the workflow and migrates the plan to it, edits a deadline and looks at
 * users. Setup (fixture, plan, launch) goes through the API. A screenshot of every page is saved
 * under test/artifacts/browser, and no request may leave the test server.
 */
const UNIT = 'KBNN-KT';
const REASON = 'Đề nghị bổ sung số liệu đảng viên mới kết nạp và làm rõ nguyên nhân hạn chế.';
const ADDED = 'Đã bổ sung: kết nạp 3 đảng viên mới trong nhiệm kỳ.';
const DAY = 86_400_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sign-in form filled and sent, wherever it shows (signIn in support/browser expects the task list after it). */
async function signInForm(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(FIXTURE_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

type Focused = { document: { activeElement: { id: string; textContent: string | null } | null } };

/** The id and the text of the element that has the keyboard focus. */
function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as Focused).document.activeElement?.id);
}

function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as Focused).document.activeElement?.textContent?.trim());
}

describe('the web app: drafting, approval, return, resubmission and workflow administration', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let reportId: string;
  let planId: string;
  const log = new RequestLog();
  const pages: Page[] = [];
  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const page = await openAs(browser, log, origin, username, viewport);
    pages.push(page);
    return page;
  };
  const stageBadge = (page: Page) => page.locator('.report-meta .badge');

  beforeAll(async () => {
    ({ ctx, origin } = await startWebEngine());
    const { plan, reports } = await launchedPlan(ctx);
    planId = plan.id;
    reportId = reports.get(UNIT)!.id;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
  });

  it('serves the sign-in page from the engine itself', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    log.watch(context);
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`${origin}/reports/${reportId}`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Tên đăng nhập').fill('kbnn-kt.soanthao');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'không đúng' }).waitFor();
  });

  it('a link from a notice’s e-mail opens its page after sign-in, even when the tab’s session has expired', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    log.watch(context);
    const page = await context.newPage();
    pages.push(page);
    const { rows } = await ctx.db.query<{ link: string }>(
      `SELECT n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'kbnn-kt.soanthao' AND n.kind = 'task' AND n.report_id = $1`,
      [reportId],
    );
    expect(rows.map((r) => r.link)).toEqual([`/reports/${reportId}/draft`]);
    // A token the engine no longer accepts sits in the tab, as after an expiry.
    await page.goto(`${origin}/`);
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('tongket.token', 'het-han'),
    );
    await page.goto(`${origin}${rows[0].link}`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(rows[0].link);
    await signInForm(page, 'kbnn-kt.soanthao');
    await page.getByRole('heading', { level: 1, name: /^Soạn thảo báo cáo – Chi bộ Vụ Kế toán Nhà nước/ }).waitFor();
  });

  it('a drafter sees the task, is refused with the missing parts listed, fills the sections and submits', async () => {
    const page = await open('kbnn-kt.soanthao');
    const row = page.locator(`tr[data-task-unit="${UNIT}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Còn [23] ngày/);
    expect(await row.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, 'my-tasks-drafter');

    await row.getByRole('link', { name: /Soạn thảo/ }).click();
    await page.getByRole('heading', { level: 1, name: /Soạn thảo báo cáo/ }).waitFor();
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const missing = page.getByTestId('missing-parts');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('Xây dựng Đảng về chính trị');
    expect(await missing.textContent()).toContain('Đặc điểm tình hình');
    expect(await missing.locator('li').count()).toBe(15);
    await screenshot(page, 'drafting-refused');

    // The đề cương: parts I–V as headings, each item's guidance beside its editor, only the texts it takes.
    await page.getByRole('heading', { level: 2, name: 'I. ĐẶC ĐIỂM TÌNH HÌNH' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'V. KIẾN NGHỊ, ĐỀ XUẤT' }).waitFor();
    expect(await page.locator('#guidance-proposals').textContent()).toContain('Điều lệ Đảng');
    expect(await page.locator('#political-lessons').count()).toBe(0);
    const oneText = await page.locator('textarea[id$="-text"]').evaluateAll((els) => els.map((el) => el.id.replace(/-text$/, '')));
    expect(oneText).toEqual(['context', 'overall_assessment', 'lessons_learned', 'next_term', 'proposals']);
    for (const key of oneText) await page.locator(`#${key}-text`).fill(`Nội dung mục ${key}: đơn vị đã thực hiện nghiêm túc.`);
    const keys = await page.locator('textarea[id$="-strengths"]').evaluateAll((els) => els.map((el) => el.id.replace(/-strengths$/, '')));
    expect(keys).toHaveLength(10);
    // Typed key by key in the first section, filled in the others.
    await page.locator('#political-strengths').click();
    await page.keyboard.type('Cấp ủy đã cụ thể hóa kịp thời các nghị quyết.');
    for (const key of keys) {
      if (key !== 'political') await page.locator(`#${key}-strengths`).fill(`Ưu điểm của mục ${key}: thực hiện nghiêm túc.`);
      await page.locator(`#${key}-limitations`).fill(`Hạn chế của mục ${key}: có lúc còn hình thức.`);
    }
    // The figures: a count refuses a fraction beside its field; the percentage is computed, never typed.
    const start = page.getByLabel('Đảng viên đầu nhiệm kỳ', { exact: true });
    await start.fill('2,5');
    await page.locator('#figure-members_start-problem').filter({ hasText: 'Phải là số nguyên' }).waitFor();
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    await start.fill('25');
    await page.getByLabel('Tổ chức đảng phải xây dựng cam kết nêu gương', { exact: true }).fill('4');
    await page.getByLabel('Tổ chức đảng đã có cam kết nêu gương', { exact: true }).fill('3');
    await page.locator('#figure-example_orgs_percent').filter({ hasText: '75' }).waitFor();
    expect(await page.locator('#figure-members_start-problem').count()).toBe(0);
    await page.getByLabel('Đảng viên kết nạp cả nhiệm kỳ', { exact: true }).fill('3');
    await page.getByRole('status').filter({ hasText: 'Đã lưu tự động lúc' }).waitFor();
    expect(await missing.count()).toBe(0);
    await screenshot(page, 'drafting-filled');

    // The appendix in Excel: the template holds what was typed; a bad cell comes back by sheet, row and column.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải mẫu Excel (.xlsx)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`so-lieu-${UNIT}.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổ chức, đảng viên')!;
    expect(sheet.getCell('A10').value).toBe('members_start');
    expect(sheet.getCell('F10').value).toBe(25);
    const file = async (membersEnd: number) => {
      sheet.getCell('F11').value = membersEnd;
      return { name: 'so-lieu.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
    };
    const upload = page.getByLabel('Tải lên tệp Excel đã điền');
    await upload.setInputFiles(await file(-1));
    await page
      .getByTestId('upload-problems')
      .filter({ hasText: 'Trang “Tổ chức, đảng viên”, dòng 11, cột F: Đảng viên cuối nhiệm kỳ: Không được là số âm' })
      .waitFor();
    await screenshot(page, 'drafting-upload-refused');
    await upload.setInputFiles(await file(27));
    await page.getByRole('status').filter({ hasText: 'Đã cập nhật số liệu từ tệp so-lieu.xlsx' }).waitFor();
    expect(await page.getByLabel('Đảng viên cuối nhiệm kỳ', { exact: true }).inputValue()).toBe('27');
    expect(await page.getByTestId('upload-problems').count()).toBe(0);

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: /Báo cáo của Chi bộ Vụ Kế toán Nhà nước/ }).waitFor();
    await stageBadge(page).filter({ hasText: 'Chi bộ thông qua' }).waitFor();
  });

  it('the notifications bell counts unread notices, lists them and marks them read', async () => {
    const page = pages[pages.length - 1];
    const count = page.getByTestId('unread-count');
    const unread = await waitFor(async () => Number(await count.textContent()) || undefined, { what: 'an unread notice for the drafter' });
    await page.getByRole('button', { name: /Thông báo, \d+ chưa đọc/ }).click();
    const panel = page.getByRole('region', { name: 'Thông báo mới nhất' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Nhắc việc');
    await screenshot(page, 'notifications-bell');
    await panel.getByRole('button', { name: 'Đánh dấu đã đọc' }).first().click();
    await waitFor(async () => Number(await count.textContent()) === unread - 1, { what: 'the unread count going down by one' });
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Thông báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await screenshot(page, 'notifications-page');
  });

  it('the two approvers of the cell approve from their task; the second one moves the report on', async () => {
    for (const [username, next] of [
      ['kbnn-kt.bithu', 'Chi bộ thông qua'],
      ['kbnn-kt.capuy', 'Cấp ủy cấp trên thẩm định'],
    ] as const) {
      const page = await open(username);
      const byKeyboard = username === 'kbnn-kt.capuy';
      if (byKeyboard) {
        // A fresh load: the first Tab stop is the skip link, which takes the focus to the main content.
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Công việc của tôi' }).waitFor();
        await page.keyboard.press('Tab');
        expect(await focusedText(page)).toBe('Bỏ qua, đến nội dung chính');
        await page.keyboard.press('Enter');
        expect(await focusedId(page)).toBe('main');
      }
      const row = page.locator(`tr[data-task-unit="${UNIT}"]`);
      const link = row.getByRole('link', { name: /Xem và cho ý kiến/ });
      if (byKeyboard) {
        await link.focus();
        await page.keyboard.press('Enter');
      } else await link.click();
      await page.getByRole('heading', { level: 2, name: /Công việc của đồng chí/ }).waitFor();
      if (username === 'kbnn-kt.bithu') await screenshot(page, 'report-approver');
      const approveButton = page.getByRole('button', { name: 'Đồng ý', exact: true });
      if (byKeyboard) {
        await approveButton.focus();
        await page.keyboard.press('Enter');
      } else await approveButton.click();
      await page.getByRole('status').filter({ hasText: 'Đã ghi nhận ý kiến đồng ý' }).waitFor();
      await stageBadge(page).filter({ hasText: next }).waitFor();
    }
    await waitForStage(ctx, reportId, 'committee_review');
  });

  it('the reviewer above cannot delegate to someone without the role nor return without a reason, then returns with one', async () => {
    const page = await open('kbnn.bithu');
    await page.getByLabel('Bước').selectOption({ label: 'Cấp ủy cấp trên thẩm định' });
    const rows = page.locator('tbody tr');
    await waitFor(async () => (await rows.count()) === 1 && (await rows.first().getAttribute('data-task-unit')) === UNIT, {
      what: 'only the KBNN-KT review left by the filter',
    });
    await rows
      .first()
      .getByRole('link', { name: /Xem và cho ý kiến/ })
      .click();
    await page.getByRole('heading', { level: 2, name: /Công việc của đồng chí/ }).waitFor();
    // Delegating needs someone holding the same role for the same unit, not yet in the round: the picker offers
    // only them (nobody here: the drafter is not one), and a name typed but not picked is not sent.
    const picker = page.getByRole('combobox', { name: /Người nhận/ });
    await picker.fill('soanthao');
    await page.getByText('Không có đồng chí nào khác cùng vai trò tại đơn vị chưa tham gia bước này.').waitFor();
    await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    expect(await picker.evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe('Chọn một người trong danh sách gợi ý.');
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Cần ghi rõ lý do trả lại' }).waitFor();
    expect(await focusedId(page)).toBe('return-reason');
    await page.getByLabel(/Lý do trả lại/).fill(REASON);
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã trả lại báo cáo' }).waitFor();
    await stageBadge(page).filter({ hasText: 'Dự thảo báo cáo' }).waitFor();
    await page.locator('.return-reason').filter({ hasText: REASON }).waitFor();
    await page.locator('#audit').scrollIntoViewIfNeeded();
    await screenshot(page, 'report-returned');
  });

  it('the drafter sees the reason, corrects the report and resubmits; the versions show what changed', async () => {
    const page = await open('kbnn-kt.soanthao');
    const row = page.locator(`tr[data-task-unit="${UNIT}"]`);
    await row.getByRole('link', { name: /Soạn thảo/ }).click();
    await page.locator('.return-reason').filter({ hasText: REASON }).waitFor();
    await page.locator('#political-causes').fill(ADDED);
    await page.locator('#political-limitations').fill('Hạn chế của mục political: việc sinh hoạt chuyên đề đã khắc phục một phần.');
    await page.getByRole('status').filter({ hasText: 'Đã lưu tự động lúc' }).waitFor();
    await screenshot(page, 'drafting-after-return');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await stageBadge(page).filter({ hasText: 'Chi bộ thông qua' }).waitFor();

    await page.getByLabel('Phiên bản trước').waitFor();
    const inserted = page.locator('.diff-table ins');
    await inserted.first().waitFor();
    expect(await inserted.allTextContents()).toContain(ADDED);
    expect((await page.locator('.diff-table del').allTextContents()).join('')).toContain('có lúc còn hình thức');
    const audit = page.locator('table.audit');
    expect(await audit.textContent()).toContain(REASON);
    expect(await audit.textContent()).toContain('Trả lại');
    await page.locator('#versions').scrollIntoViewIfNeeded();
    await screenshot(page, 'report-versions-compared');
  });

  it('the administrator follows the plan on its dashboard and downloads the consolidated report', async () => {
    const page = await open('admin');
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('link', { name: /KH\/ĐUK/ }).click();
    await page.getByRole('heading', { level: 1, name: /Tiến độ kế hoạch/ }).waitFor();
    await page.locator(`.tree-node.stage-cell_approval[data-unit="${UNIT}"]`).waitFor();
    const overdue = page.locator('.overdue-list');
    expect(await overdue.textContent()).toContain('Đảng bộ Bệnh viện Đa khoa Nông nghiệp');
    expect(await page.locator('.countdown').first().textContent()).toMatch(/^(Còn|Đã quá hạn) /);
    await screenshot(page, 'dashboard');

    await page.getByRole('button', { name: 'Xem báo cáo tổng hợp' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo tổng hợp (.docx)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await page.locator('.consolidated').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-consolidated');

    await page.setViewportSize(TABLET);
    await page.locator('main h1').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-tablet');
  });

  it('the administrator adds a stage to the workflow, sees the difference and saves a new version', async () => {
    const page = await open('admin');
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Quy trình' }).click();
    await page.getByTestId('current-version').filter({ hasText: '1' }).waitFor();
    await page.getByLabel('Thêm bước mới sau').selectOption('committee_review');
    await page.getByRole('button', { name: 'Thêm bước' }).click();
    const added = page.locator('fieldset.stage-editor').nth(3);
    await added.getByLabel('Mã bước').fill('org_precheck');
    await added.getByLabel('Tên bước').fill('Ban Tổ chức Đảng ủy Khối kiểm tra');
    await added.getByLabel('Phạm vi').selectOption('root');
    await page.locator('.change-added').filter({ hasText: 'Ban Tổ chức Đảng ủy Khối kiểm tra' }).waitFor();
    expect(await page.locator('fieldset.stage-editor').evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-key')))).toEqual([
      'drafting',
      'cell_approval',
      'committee_review',
      'org_precheck',
      'consolidation',
    ]);
    await screenshot(page, 'admin-workflow-diff');
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu phiên bản 2' }).waitFor();
    await page.getByTestId('current-version').filter({ hasText: '2' }).waitFor();
  });

  it('the administrator previews the migration of the plan to the new version, then applies it', async () => {
    const page = pages[pages.length - 1];
    await page.getByRole('link', { name: 'Chuyển kế hoạch sang phiên bản này' }).click();
    await page.getByRole('heading', { level: 1, name: /Chuyển kế hoạch sang phiên bản/ }).waitFor();
    await page.getByTestId('plan-version').filter({ hasText: '1' }).waitFor();
    await page.getByRole('button', { name: 'Xem trước (chạy thử)' }).click();
    const preview = page.locator('.preview');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(10);
    expect(await preview.textContent()).toContain(UNIT);
    await screenshot(page, 'admin-migration-preview');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByTestId('migration-result').filter({ hasText: 'Hoàn tất' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('plan-version').filter({ hasText: '2' }).waitFor();
    await screenshot(page, 'admin-migration-applied');
    const plan = await ctx.db.query<{ workflow_version: number }>('SELECT workflow_version FROM plans WHERE id = $1', [planId]);
    expect(plan.rows[0].workflow_version).toBe(2);
  });

  it('the administrator edits a deadline (a date and time picker, Hanoi time) and sees the users and their roles', async () => {
    const page = pages[pages.length - 1];
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Thời hạn' }).click();
    const cell = page.getByLabel('Hạn Dự thảo báo cáo, Chi bộ');
    expect(await cell.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const next = new Date(Date.now() + 5 * DAY);
    const typed = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(next);
    const [day, month, year] = typed.split('/');
    await cell.fill(`${year}-${month}-${day}T17:00`);
    await page.getByRole('button', { name: 'Lưu thời hạn' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thời hạn' }).waitFor();
    const saved = await ctx.db.query<{ deadlines: { cell: { drafting: string } } }>('SELECT deadlines FROM plans WHERE id = $1', [planId]);
    expect(new Date(saved.rows[0].deadlines.cell.drafting).toISOString()).toBe(new Date(`${year}-${month}-${day}T17:00:00+07:00`).toISOString());
    await screenshot(page, 'admin-deadlines');

    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Người dùng' }).click();
    await page.getByLabel(/Tìm theo tên/).fill('kbnn-kt');
    await page.getByRole('button', { name: 'Sửa vai trò và chức vụ của kbnn-kt.capuy' }).click();
    await page.getByRole('heading', { level: 2, name: /Vai trò của Ngô Thị Dung/ }).waitFor();
    await screenshot(page, 'admin-users');
  });

  it('made no request to any host but the engine', () => {
    expect(log.urls.length).toBeGreaterThan(20);
    expect(log.offServer(origin)).toEqual([]);
  });
});
