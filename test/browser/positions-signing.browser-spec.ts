import type { Browser, Page } from 'playwright-core';
import { expectStatus, session } from '../support/api';
import { approve, fillReport, submitReport, waitForStage } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { waitFor } from '../kit/poll';
import { closeAll, LAPTOP, launchChromium, openAs, RequestLog, screenshot } from './support/browser';
import { launchedPlan } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

/** A phone held upright, for the pages an approver may open away from the office. */
const PHONE = { width: 390, height: 844 };
const UNIT = 'KBNN-KT';

/**
 * Positions and signing in the web app: an administrator sets a person's positions and is told who
 * holds a post already; an approver of a cell's meeting names the Phó Bí thư to sign (K/T) with the
 * approval; the report page then shows the number, the date and the signer. At laptop and phone
 * sizes, with a screenshot of each page under test/artifacts/browser/.
 */
describe('the web app: positions, the signer chosen at adoption, the adopted report', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let reportId: string;
  const log = new RequestLog();
  const pages: Page[] = [];
  const open = async (username: string, viewport = LAPTOP) => {
    const page = await openAs(browser, log, origin, username, viewport);
    pages.push(page);
    return page;
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

  it('an administrator sees and edits a person’s positions; a second Bí thư is refused naming the holder', async () => {
    const page = await open('admin');
    await page.goto(`${origin}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Người dùng, vai trò và chức vụ' }).waitFor();
    const row = page.locator('tr', { hasText: 'kbnn-kt.capuy' });
    await row.getByText('Phó Bí thư – KBNN-KT').waitFor();
    await row.getByRole('button', { name: 'Sửa vai trò và chức vụ của kbnn-kt.capuy' }).click();
    const editor = page.locator('.positions-editor');
    await editor.getByRole('heading', { name: 'Chức vụ của Ngô Thị Dung' }).waitFor();
    await editor.getByLabel('Chức vụ', { exact: true }).selectOption('bi_thu');
    await editor.getByRole('button', { name: 'Lưu chức vụ' }).click();
    await editor.getByRole('alert').filter({ hasText: 'Hoàng Văn Bình (kbnn-kt.bithu)' }).waitFor();
    await screenshot(page, 'positions-second-secretary-refused');
    await editor.getByLabel('Chức vụ', { exact: true }).selectOption('pho_bi_thu');
    await editor.getByRole('button', { name: 'Lưu chức vụ' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã cập nhật chức vụ của Ngô Thị Dung' }).waitFor();
    const user = expectStatus(await (await session(ctx, 'admin')).get('/api/users/kbnn-kt.capuy'), 200).body;
    expect(user.positions.map((p: { unitCode: string; position: string }) => [p.unitCode, p.position])).toEqual([['KBNN-KT', 'pho_bi_thu']]);

    const phone = await open('admin', PHONE);
    await phone.goto(`${origin}/admin/users`);
    await phone.locator('tr', { hasText: 'kbnn-kt.capuy' }).getByRole('button', { name: 'Sửa vai trò và chức vụ của kbnn-kt.capuy' }).click();
    await phone.locator('.positions-editor').getByRole('heading', { name: 'Chức vụ của Ngô Thị Dung' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'positions-phone');
  });

  it('an approver of the cell’s meeting names the Phó Bí thư to sign; once adopted the report shows its number, date and signer', async () => {
    const page = await open('kbnn-kt.bithu');
    await page.goto(`${origin}/reports/${reportId}`);
    const signer = page.getByLabel('Người ký văn bản thông qua');
    await signer.waitFor();
    expect(await signer.locator('option').allTextContents()).toEqual([
      'Mặc định: Bí thư Hoàng Văn Bình',
      'Bí thư Hoàng Văn Bình',
      'K/T Bí thư – Phó Bí thư Ngô Thị Dung',
    ]);
    await signer.selectOption('kbnn-kt.capuy');
    await screenshot(page, 'signer-choice');
    await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận ý kiến đồng ý' }).waitFor();
    await approve(await session(ctx, 'kbnn-kt.capuy'), reportId, 'cell_approval');
    await waitForStage(ctx, reportId, 'committee_review');

    await page.getByRole('button', { name: 'Làm mới' }).click();
    const adoption = page.locator('.adoption');
    await waitFor(async () => (await adoption.count()) > 0, { what: 'the adoption on the report page' });
    await adoption.getByText('Số 1-BC/CB').waitFor();
    await adoption.getByText('K/T Bí thư – Phó Bí thư Ngô Thị Dung (do cấp ủy chọn)').waitFor();
    await screenshot(page, 'report-adopted');

    const phone = await open('kbnn-kt.soanthao', PHONE);
    await phone.goto(`${origin}/reports/${reportId}`);
    await phone.locator('.adoption').getByText('Số 1-BC/CB').scrollIntoViewIfNeeded();
    await screenshot(phone, 'report-adopted-phone');
    expect(log.offServer(origin)).toEqual([]);
  });
});
