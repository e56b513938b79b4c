import type { Browser, Page } from 'playwright-core';
import { importFixture } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { orgWorkbook, XLSX } from '../support/org-workbook';
import { SmtpSink } from '../kit/smtp-sink';
import { closeAll, LAPTOP, launchChromium, openAs, RequestLog, screenshot, signIn } from './support/browser';
import { startWebEngine } from '../kit/web-engine';

const LINK = /\/dat-mat-khau#([A-Za-z0-9_-]{43})/;

/**
 * Loading the organisation from Excel in the web app: an administrator downloads the template, sees
 * a wrong file's problems by sheet, row and column with nothing written, previews a right one and
 * applies it to the end; a person it created opens the e-mailed link, sets a password on the public
 * page and signs in with it. A screenshot of each page under test/artifacts/browser/.
 */
describe('the web app: Nhập tổ chức từ Excel, and Đặt mật khẩu from the e-mailed link', () => {
  const sink = new SmtpSink();
  const log = new RequestLog();
  const pages: Page[] = [];
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    // The engine reads its settings as it starts: its e-mail goes to this file's SMTP sink.
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(await sink.start());
    ({ ctx, origin } = await startWebEngine());
    await importFixture(ctx);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await closeAll(pages);
    await browser?.close();
    await stopE2e(ctx);
    await sink.stop();
  });

  it('an administrator downloads the template, sees every problem of a wrong file, then previews and applies a right one', async () => {
    const page = await openAs(browser, log, origin, 'admin');
    pages.push(page);
    await page.getByRole('link', { name: 'Nhập tổ chức' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập tổ chức từ Excel' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải mẫu trống (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-to-chuc.xlsx');

    const wrong = await orgWorkbook({
      units: [['KBNN-SO', 'Chi bộ Phòng Số hóa', 'Chi bộ', 'KBNN', '']],
      people: [['so.bithu', 'Phạm Thị Số', 'so.bithu@kbnn.vn', 'KBNN-KT', 'Phê duyệt', '']],
    });
    await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({ name: 'to-chuc-loi.xlsx', mimeType: XLSX, buffer: wrong });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tệp có 2 lỗi' }).waitFor();
    const problems = page.getByRole('table', { name: /Lỗi theo trang, dòng và cột/ });
    await problems.getByRole('row', { name: /Đơn vị 2 C \(Loại\) Loại đơn vị “Chi bộ” không có/ }).waitFor();
    await problems.getByRole('row', { name: /Người dùng 2 E \(Vai trò\) Vai trò “Phê duyệt” không có/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Ghi vào hệ thống' }).count()).toBe(0);
    await screenshot(page, 'org-import-problems', true);

    const right = await orgWorkbook({
      units: [['KBNN-SO', 'Chi bộ Phòng Số hóa', 'Chi bộ trực thuộc', 'KBNN', '']],
      people: [
        ['so.bithu', 'Phạm Thị Số', 'so.bithu@kbnn.vn', 'KBNN-SO', 'Thông qua (cấp ủy), Soạn thảo', 'Bí thư'],
        ['so.dangvien', 'Vũ Văn Hóa', 'so.dangvien@kbnn.vn', 'KBNN-SO', 'Soạn thảo', 'Đảng viên'],
      ],
    });
    await page.getByLabel('Tệp Excel (.xlsx)').setInputFiles({ name: 'to-chuc.xlsx', mimeType: XLSX, buffer: right });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('status').filter({ hasText: 'Tệp hợp lệ: 1 đơn vị, 2 người.' }).waitFor();
    await page.getByRole('table', { name: 'Người dùng thêm mới (2)' }).getByText('Bí thư – KBNN-SO').waitFor();
    await screenshot(page, 'org-import-preview', true);
    await page.getByRole('button', { name: 'Ghi vào hệ thống' }).click();
    await page.getByText(/^Đã nhập xong\./).waitFor({ timeout: 30_000 });
    await page.getByText('Người mới nhận thư để tự đặt mật khẩu: 2').waitFor();
    await screenshot(page, 'org-import-done');
    const created = await ctx.db.query(`SELECT username FROM users WHERE username LIKE 'so.%' ORDER BY 1`);
    expect(created.rows.map((r) => r.username)).toEqual(['so.bithu', 'so.dangvien']);
  }, 60_000);

  it('a new person opens the e-mailed link, sets a password on the public page, and signs in with it', async () => {
    const [mail] = await sink.waitForMails((m) => m.rcpt.includes('so.bithu@kbnn.vn'), 1, { what: 'the set-password e-mail' });
    const token = LINK.exec(mail.text)![1];
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    log.watch(context);
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`${origin}/dat-mat-khau#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
    // The token leaves the address bar at once.
    expect(page.url()).toBe(`${origin}/dat-mat-khau`);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-so-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-khac-2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hai lần nhập mật khẩu không giống nhau.' }).waitFor();
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-so-2026');
    await screenshot(page, 'set-password');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã đặt mật khẩu' }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await signIn(page, 'so.bithu', 'mat-khau-cua-so-2026');
    expect(log.offServer(origin)).toEqual([]);
  }, 60_000);
});
