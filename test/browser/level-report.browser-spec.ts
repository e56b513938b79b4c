import type { Browser, Page } from 'playwright-core';
import { expectStatus, session } from '../support/api';
import { getPlan } from '../support/factories';
import { E2eContext, stopE2e } from '../support/harness';
import { LevelReportDto, LevelVersionDto, takesOf } from '../support/level-report';
import { PlanDto } from '../support/types';
import { waitFor } from '../kit/poll';
import { closeAll, launchChromium, openAs, RequestLog, screenshot } from './support/browser';
import { planAtConsolidation } from './support/plan';
import { startWebEngine } from '../kit/web-engine';

const OWN = 'Tổ giúp việc tổng hợp: các tổ chức đảng trực thuộc đã cụ thể hóa kịp thời nghị quyết của Đảng ủy Khối.';
const REASON = 'Đề nghị tổ giúp việc nêu rõ hơn những hạn chế trong sinh hoạt chi bộ.';
const KBNN = 'Đảng bộ Kho bạc Nhà nước Trung ương';
const KT = 'Chi bộ Vụ Kế toán Nhà nước';

/**
 * Dự thảo báo cáo tổng hợp in the web app: with every report of the fixture brought to consolidation
 * through the API, the working group opens the Khối's report from its task, sees who reported,
 * filters the sources of an item by a unit and copies a passage in, writes its own synthesis, is
 * refused a submit with an empty required item (listed), submits; a member of the Standing
 * Committee returns it with a reason, which the working group sees; it submits again; both members
 * adopt it (Thông qua) from their task, and the two versions are compared.
 */
describe('the web app: the working group writes the Khối’s report, the Standing Committee adopts it', () => {
  let ctx: E2eContext;
  let origin: string;
  let browser: Browser;
  let plan: PlanDto;
  const log = new RequestLog();
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await openAs(browser, log, origin, username);
    pages.push(page);
    return page;
  };
  const level = async () => expectStatus(await (await session(ctx, 'tgv.lan')).get(`/api/plans/${plan.id}/level-report`), 200).body as LevelReportDto;
  const first = () => ({ key: plan.outline![0].key, part: takesOf(plan.outline![0])[0] });

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

  it('the working group opens the report from its task, filters the sources by a unit, copies a passage in, writes and submits it', async () => {
    const page = await open('tgv.lan');
    await page.getByRole('link', { name: /^Dự thảo báo cáo tổng hợp/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Dự thảo báo cáo tổng hợp – Đảng bộ Khối/ }).waitFor();
    await page.getByText('Đã có báo cáo được duyệt của').waitFor();
    expect(await page.locator('.completeness').textContent()).toContain('10/10 đơn vị');

    const sources = page.getByRole('complementary');
    await sources.getByRole('heading', { name: `Nguồn: ${plan.outline![0].title}` }).waitFor();
    await sources.getByLabel('Lọc theo đơn vị').selectOption({ label: KBNN });
    await waitFor(async () => (await sources.locator('article').count()) === 4, { what: 'KBNN and its three cells' });
    expect(await sources.locator('article h3').allTextContents()).toEqual(
      [KBNN, KT, 'Chi bộ Cục Thanh toán', 'Chi bộ Văn phòng Kho bạc'].map((n) => expect.stringContaining(n)),
    );
    await screenshot(page, 'sources-filtered-by-unit', true);

    const { key, part } = first();
    const editor = page.locator(`#level-${key}-${part}`);
    await editor.fill(OWN);
    const passage = (await sources.getByRole('article', { name: KT }).locator('.passage p').first().textContent())!;
    await sources
      .getByRole('article', { name: KT })
      .getByRole('button', { name: /^Chèn vào dự thảo: đoạn 1/ })
      .first()
      .click();
    await page.getByText(`Đã chèn một đoạn của ${KT}`).waitFor();
    expect(await editor.inputValue()).toBe(`${OWN}\n${passage}`);
    await page.getByText(/Đã lưu tự động lúc/).waitFor();
    await waitFor(async () => (await level()).sections[0].parts[part] === `${OWN}\n${passage}`, { what: 'the passage saved' });

    // A required item emptied: the submit is refused, naming it; written again, the report goes.
    const required = [...plan.outline!].reverse().find((s) => s.required)!;
    const requiredText = page.locator(`#level-${required.key}-${takesOf(required)[0]}`);
    const kept = await requiredText.inputValue();
    await requiredText.fill('');
    await page.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    const refusal = page.getByTestId('missing-items');
    await refusal.getByRole('link', { name: required.title }).waitFor();
    await screenshot(page, 'submit-refused');
    await requiredText.fill(kept);
    await page.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    await page.getByTestId('level-status').filter({ hasText: 'Đã trình Ban Thường vụ' }).waitFor({ timeout: 15_000 });
    expect(await page.locator(`#level-${key}-${part}`).count()).toBe(0);
    await screenshot(page, 'submitted');
  });

  it('a member of the Standing Committee returns it with a reason; the working group sees it and submits again', async () => {
    const mai = await open('btv.mai');
    await mai.getByRole('link', { name: /^Phê duyệt báo cáo tổng hợp/ }).click();
    await mai.getByRole('heading', { level: 2, name: 'Ý kiến của đồng chí về dự thảo báo cáo tổng hợp' }).waitFor();
    expect(await mai.locator('textarea[id^="level-"]').count()).toBe(0);
    await mai.getByLabel('Lý do trả lại').fill(REASON);
    await mai.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await mai.getByRole('status').filter({ hasText: 'Đã trả lại dự thảo' }).waitFor();
    await waitFor(async () => (await level()).status === 'drafting', { what: 'back to drafting' });

    const lan = pages[0];
    await lan.reload();
    await lan.locator('.return-reason').filter({ hasText: REASON }).waitFor();
    const { key, part } = first();
    const editor = lan.locator(`#level-${key}-${part}`);
    // By keyboard: focus the editor, go to its end, add a sentence.
    await editor.focus();
    await lan.keyboard.press('Control+End');
    await lan.keyboard.type(' Sinh hoạt chi bộ ở một số nơi còn hình thức.');
    await lan.getByText(/Đã lưu tự động lúc/).waitFor();
    await screenshot(lan, 'returned-with-reason');
    await lan.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    await lan.getByTestId('level-status').filter({ hasText: 'Đã trình Ban Thường vụ' }).waitFor({ timeout: 15_000 });
    const versions = expectStatus(await (await session(ctx, 'tgv.lan')).get(`/api/plans/${plan.id}/level-report/versions`), 200).body as LevelVersionDto[];
    expect(versions).toHaveLength(2);
    expect(versions[1].sections[key][part]).toMatch(/Sinh hoạt chi bộ ở một số nơi còn hình thức\.$/);
  });

  it('both members adopt it from their task (Thông qua): the report adopted, the plan completed, the versions compared', async () => {
    for (const username of ['btv.hung', 'btv.mai']) {
      const page = await open(username);
      await page.getByRole('link', { name: /^Phê duyệt báo cáo tổng hợp/ }).click();
      await page.getByRole('button', { name: 'Thông qua', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã ghi nhận ý kiến thông qua' }).waitFor();
    }
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'the plan completed' });
    expect((await level()).status).toBe('adopted');
    const page = pages[pages.length - 1];
    await page.reload();
    await page.getByTestId('level-status').filter({ hasText: 'Ban Thường vụ đã thông qua' }).waitFor();
    const compared = page.locator('.diff-table');
    await compared.waitFor();
    expect(await compared.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('hình thức')]));
    await screenshot(page, 'adopted-versions', true);
  });

  it('made no request to any host but the engine', () => {
    expect(log.offServer(origin)).toEqual([]);
  });
});
