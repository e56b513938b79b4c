import type { Browser, Page } from 'playwright-core';
import { expectStatus, session } from '../support/api';
import { fillReport, submitReport, waitForStage } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { SmtpSink } from '../kit/smtp-sink';
import { closeAll, DESKTOP, launchChromium, openAs, PHONE, RequestLog, screenshot } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

const DAY = 86_400_000;
const UNIT = 'KBNN-KT';

/** A day from now as a datetime-local input takes it, at 17:00 Hanoi time. */
function hanoiInput(days: number): string {
  return `${new Date(Date.now() + days * DAY + 7 * 3_600_000).toISOString().slice(0, 10)}T17:00`;
}

/**
 * The administration a Party office runs alone, at 1366×768 and 390×844. An
 * administrator adds a person (each bad field named), finds people without typing diacritics, locks
 * an account (its sessions end) and opens it again, sends a new set-password link, hands over tasks
 * by picking a person; an approver delegates by picking a colleague; the deadline editor previews
 * what a change moves and names deadlines out of order; the workflow editor puts problems on their
 * stage, asks before deleting one and shows stages by name. Screenshots under test/artifacts/browser/.
 */
describe('the web app: administration a Party office can run alone', () => {
  const sink = new SmtpSink();
  const log = new RequestLog();
  const pages: Page[] = [];
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let planId: string;
  let reportId: string;
  const open = async (username: string, viewport = DESKTOP) => {
    const page = await openAs(browser, log, origin, username, viewport);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    // The engine reads its settings as it starts: set-password e-mails go to this file's SMTP sink.
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(await sink.start());
    ({ ctx, origin } = await startWebEngine());
    const { plan, reports } = await launchedPlan(ctx);
    planId = plan.id;
    reportId = reports.get(UNIT)!.id;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
    await sink.stop();
  });

  it('adds a person, naming each bad field in Vietnamese first, and finds people by name without diacritics', async () => {
    const page = await open('admin');
    await page.goto(`${origin}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Người dùng, vai trò và chức vụ' }).waitFor();
    const form = page.locator('form.new-user');
    await form.getByLabel('Tên đăng nhập').fill('Đặng Mới');
    await form.getByLabel('Thư điện tử').fill('khong-phai-thu');
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await form.getByText('Tên đăng nhập chỉ gồm chữ thường không dấu').waitFor();
    await form.getByText('Cần nhập họ và tên.').waitFor();
    await form.getByText('Thư điện tử không đúng dạng').waitFor();
    expect(await form.getByLabel('Họ và tên').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'admin-new-user-problems');

    await form.getByLabel('Tên đăng nhập').fill('dang.van.moi');
    await form.getByLabel('Họ và tên').fill('Đặng Văn Mới');
    await form.getByLabel('Thư điện tử').fill('moi@example.vn');
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã thêm đồng chí Đặng Văn Mới (dang.van.moi) và gửi liên kết đặt mật khẩu tới moi@example.vn' })
      .waitFor();
    await sink.waitForMails((m) => m.rcpt.includes('moi@example.vn'), 1, { what: 'the new person’s link' });
    await page.getByRole('heading', { level: 2, name: 'Vai trò của Đặng Văn Mới (dang.van.moi)' }).waitFor();

    await form.getByLabel('Tên đăng nhập').fill('dang.van.moi');
    await form.getByLabel('Họ và tên').fill('Người Khác');
    await form.getByLabel('Thư điện tử').fill('khac@example.vn');
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await form.getByText('Tên đăng nhập dang.van.moi đã có người dùng').waitFor();

    await page.getByLabel(/Tìm theo tên/).fill('dang');
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Đặng Thị Hoa' }).waitFor();
    await rows.nth(2).waitFor({ state: 'detached' });
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['dang.van.moi', 'kbnn-tt.bithu']);
    await screenshot(page, 'admin-users-search-dang');
    await page.getByLabel(/Tìm theo tên/).fill('khong co ai');
    await page.getByRole('status').filter({ hasText: 'Không tìm thấy ai có tên hoặc tên đăng nhập như “khong co ai”.' }).waitFor();
  });

  it('locks an account, ending its sessions, opens it again, and sends a new set-password link', async () => {
    const victim = await session(ctx, 'kbnn-tt.bithu');
    expectStatus(await victim.get('/api/me'), 200);
    const page = await open('admin');
    await page.goto(`${origin}/admin/users`);
    await page.getByLabel(/Tìm theo tên/).fill('hoa');
    await page.getByRole('button', { name: 'Sửa vai trò và chức vụ của kbnn-tt.bithu' }).click();
    const account = page.locator('section.account-card');
    await account.getByRole('heading', { name: 'Tài khoản của Đặng Thị Hoa' }).waitFor();
    await account.getByRole('button', { name: 'Khóa tài khoản' }).click();
    const confirm = account.getByRole('alertdialog');
    await confirm.getByText(/sẽ bị đăng xuất ngay trên mọi thiết bị/).waitFor();
    await screenshot(page, 'admin-lock-confirm');
    await confirm.getByRole('button', { name: 'Khóa và đăng xuất' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã khóa tài khoản của Đặng Thị Hoa (kbnn-tt.bithu)' }).waitFor();
    await page.locator('tr', { hasText: 'kbnn-tt.bithu' }).getByText('Đã khóa').waitFor();
    expect((await victim.get('/api/me')).status).toBe(401);
    expect(await account.getByRole('button', { name: 'Gửi liên kết đặt mật khẩu' }).isDisabled()).toBe(true);

    await account.getByRole('button', { name: 'Mở lại tài khoản' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã mở lại tài khoản của Đặng Thị Hoa' }).waitFor();
    await page.locator('tr', { hasText: 'kbnn-tt.bithu' }).getByText('Đang hoạt động').waitFor();
    await account.getByRole('button', { name: 'Gửi liên kết đặt mật khẩu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi liên kết đặt mật khẩu tới' }).waitFor();
    const audit = await ctx.db.query(`SELECT action FROM audit_events WHERE data->>'username' = 'kbnn-tt.bithu' AND action LIKE 'user.%' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['user.deactivate', 'user.reactivate', 'user.set_password_link']);
    await screenshot(page, 'admin-account');
  });

  it('hands over a person’s tasks to someone picked by name, on a phone', async () => {
    const phone = await open('admin', PHONE);
    await phone.goto(`${origin}/admin/users`);
    await phone.getByLabel(/Tìm theo tên/).fill('hung');
    await phone.getByRole('button', { name: 'Sửa vai trò và chức vụ của btv.hung' }).click();
    const picker = phone.getByRole('combobox', { name: 'Chuyển mọi công việc đang mở cho' });
    await picker.fill('pham thi');
    const option = phone.getByRole('option', { name: /Phạm Thị Mai/ });
    await option.waitFor();
    expect(await option.textContent()).toContain('Ủy viên Ban Thường vụ, Đảng bộ Khối các cơ quan Trung ương');
    await screenshot(phone, 'admin-reassign-picker-phone');
    await option.click();
    await phone.locator('.people-chosen[data-username="btv.mai"]').waitFor();
    await phone.getByRole('button', { name: 'Chuyển công việc' }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: /Đã chuyển \d+ việc đang mở của Lê Văn Hùng cho Phạm Thị Mai/ })
      .waitFor();
  });

  it('an approver delegates a task to a colleague picked by name, on a phone', async () => {
    // A holder of the role with no task of this round (given the role straight in the table, no stage told):
    // the only kind of colleague a delegation accepts, as every holder the stage knew already has a task.
    await ctx.db.query(
      `INSERT INTO role_assignments (user_id, unit_id, role) SELECT u.id, o.id, 'approver' FROM users u, org_units o WHERE u.username = 'kbnn-tt.bithu' AND o.code = $1`,
      [UNIT],
    );
    const phone = await open('kbnn-kt.bithu', PHONE);
    await phone.goto(`${origin}/reports/${reportId}`);
    const picker = phone.getByRole('combobox', { name: 'Người nhận (cùng vai trò, cùng đơn vị)' });
    await picker.scrollIntoViewIfNeeded();
    await picker.fill('dung');
    await phone.getByText('Không có đồng chí nào khác cùng vai trò tại đơn vị chưa tham gia bước này.').waitFor();
    // A name typed but not picked is not sent.
    await phone.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    expect(await picker.evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe('Chọn một người trong danh sách gợi ý.');
    await picker.fill('dang');
    const option = phone.getByRole('option', { name: /Đặng Thị Hoa/ });
    await option.waitFor();
    await screenshot(phone, 'delegate-picker-phone');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await phone.locator('.people-chosen[data-username="kbnn-tt.bithu"]').waitFor();
    await phone.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    await phone.getByRole('status').filter({ hasText: 'Đã ủy quyền công việc cho kbnn-tt.bithu' }).waitFor();
    const { rows } = await ctx.db.query(
      `SELECT u.username FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE t.report_id = $1 AND t.stage = 'cell_approval' AND t.state = 'open' ORDER BY 1`,
      [reportId],
    );
    expect(rows.map((r) => r.username)).toEqual(['kbnn-kt.capuy', 'kbnn-tt.bithu']);
  });

  it('previews what a change of deadlines moves, names the deadline out of order, and saves it once confirmed', async () => {
    const page = await open('admin');
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Thời hạn' }).click();
    await page.getByLabel('Kế hoạch').selectOption(planId);
    const drafting = page.getByLabel('Hạn Dự thảo báo cáo, Chi bộ trực thuộc');
    expect(await drafting.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await drafting.fill(hanoiInput(4));
    // Whatever language the browser's picker speaks, the date is also written as the office reads it.
    const [year, month, day] = hanoiInput(4).slice(0, 10).split('-');
    await page.locator('td', { has: drafting }).getByText(`${day}/${month}/${year} 17:00`).waitFor();
    const preview = page.locator('.deadline-preview');
    await preview.waitFor();
    expect(Number(await preview.getByTestId('preview-tasks').textContent())).toBeGreaterThan(0);
    expect(Number(await preview.getByTestId('preview-reminders').textContent())).toBeGreaterThan(0);
    expect(await page.locator('.message.warning').count()).toBe(0);
    await screenshot(page, 'admin-deadlines-preview');

    await page.getByLabel('Hạn Chi bộ thông qua, Chi bộ trực thuộc').fill(hanoiInput(2));
    const warning = page.locator('.message.warning');
    await warning.getByText('Hạn Chi bộ thông qua, Chi bộ trực thuộc', { exact: true }).waitFor();
    expect(await warning.textContent()).not.toMatch(/deadlines\.|cell_approval/);
    expect(await page.getByLabel('Hạn Chi bộ thông qua, Chi bộ trực thuộc').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'admin-deadlines-out-of-order');
    await page.getByRole('button', { name: 'Lưu thời hạn' }).click();
    await page.getByRole('button', { name: 'Xác nhận và lưu thời hạn' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thời hạn' }).waitFor();
    const saved = await ctx.db.query<{ deadlines: { cell: { drafting: string; cell_approval: string } } }>('SELECT deadlines FROM plans WHERE id = $1', [
      planId,
    ]);
    expect(new Date(saved.rows[0].deadlines.cell.drafting).toISOString()).toBe(new Date(`${hanoiInput(4)}:00+07:00`).toISOString());
    expect(new Date(saved.rows[0].deadlines.cell.cell_approval).toISOString()).toBe(new Date(`${hanoiInput(2)}:00+07:00`).toISOString());

    const phone = await open('admin', PHONE);
    await phone.goto(`${origin}/admin/deadlines`);
    await phone.getByLabel('Kế hoạch').selectOption(planId);
    await phone.getByLabel('Hạn Dự thảo báo cáo, Chi bộ trực thuộc').waitFor();
    await screenshot(phone, 'admin-deadlines-phone');
  });

  it('the workflow editor shows a stage’s problem on that stage, asks before deleting a stage, and names stages, never their codes', async () => {
    const page = await open('admin');
    await page.goto(`${origin}/admin/workflow`);
    await page.getByTestId('current-version').waitFor();
    const review = page.locator('fieldset.stage-editor[data-stage-key="committee_review"]');
    await review.getByLabel('Tên bước').fill('');
    await review.getByRole('alert').getByText('Cần có tên bước').waitFor();
    expect(await page.locator('fieldset.stage-editor .stage-problems').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).isDisabled()).toBe(true);
    await screenshot(page, 'admin-workflow-stage-problem');
    await review.getByLabel('Tên bước').fill('Cấp ủy cấp trên thẩm định');
    expect(await page.locator('.stage-problems').count()).toBe(0);

    const returnTo = await page
      .locator('fieldset.stage-editor[data-stage-key="consolidation"]')
      .getByLabel('Trả lại về bước')
      .locator('option')
      .allTextContents();
    expect(returnTo).toEqual(['(không trả lại)', 'Dự thảo báo cáo', 'Chi bộ thông qua', 'Cấp ủy cấp trên thẩm định']);
    expect(await page.getByLabel('Thêm bước mới sau').locator('option').allTextContents()).not.toContain('committee_review');

    const drafting = page.locator('fieldset.stage-editor[data-stage-key="drafting"]');
    await drafting.getByRole('button', { name: 'Xóa bước Dự thảo báo cáo' }).click();
    await drafting
      .getByRole('alertdialog')
      .getByText(/Các bước “Chi bộ thông qua”, “Cấp ủy cấp trên thẩm định” đang trả lại về bước này/)
      .waitFor();
    await drafting.getByRole('button', { name: 'Không xóa' }).click();
    expect(await page.locator('fieldset.stage-editor').count()).toBe(4);

    await review.getByRole('button', { name: 'Xóa bước Cấp ủy cấp trên thẩm định' }).click();
    await screenshot(page, 'admin-workflow-delete-confirm');
    await review.getByRole('button', { name: 'Xóa bước này' }).click();
    expect(await page.locator('fieldset.stage-editor').count()).toBe(3);
    const changes = page.locator('.change-list');
    await changes.getByText('Bỏ bước “Cấp ủy cấp trên thẩm định”').waitFor();
    expect(await changes.textContent()).not.toMatch(/committee_review|drafting|cell_approval/);

    const phone = await open('admin', PHONE);
    await phone.goto(`${origin}/admin/workflow`);
    await phone.getByTestId('current-version').waitFor();
    await screenshot(phone, 'admin-workflow-phone');
  });

  it('made no request to any host but the engine', () => {
    expect(log.urls.length).toBeGreaterThan(20);
    expect(log.offServer(origin)).toEqual([]);
  });
});
