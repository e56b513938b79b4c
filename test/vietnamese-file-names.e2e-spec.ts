import { session } from './support/api';
import { DOCX_TYPE, getBinary, readWordFile } from './support/docx';
import { createPlan, importOrg, launchPlan, reportsByUnit } from './support/factories';
import { FixtureUnit, FixtureUser } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';

/**
 * Word downloads of units whose codes hold Vietnamese letters: the name went raw into
 * `Content-Disposition`, which Node refuses outside Latin-1, and every such download answered 500.
 * Now an ASCII `filename` and the real name in `filename*` (RFC 6266 / RFC 8187).
 */
describe('.docx downloads named with Vietnamese codes', () => {
  let ctx: E2eContext;
  let planId: string;
  let reportId: string;
  const units: FixtureUnit[] = [
    { code: 'ĐUK-Thử', name: 'Đảng bộ Khối thử nghiệm tên tệp', kind: 'bloc', parent: null },
    { code: 'ĐB-Đoàn', name: 'Đảng bộ cơ quan Trung ương Đoàn', kind: 'upper', parent: 'ĐUK-Thử' },
    { code: 'CB-Đoàn', name: 'Chi bộ Ban Tổ chức Trung ương Đoàn', kind: 'cell', parent: 'ĐB-Đoàn' },
  ];
  const users: FixtureUser[] = [
    {
      username: 'doan.soanthao',
      fullName: 'Nguyễn Thị Ánh Tuyết',
      email: 'tuyet@example.vn',
      password: FIXTURE_PASSWORD,
      roles: [{ unit: 'CB-Đoàn', role: 'drafter' }],
    },
    {
      username: 'doan.bithu',
      fullName: 'Trần Quốc Hưng',
      email: 'hung.doan@example.vn',
      password: FIXTURE_PASSWORD,
      roles: [{ unit: 'CB-Đoàn', role: 'approver' }],
    },
  ];

  beforeAll(async () => {
    ctx = await startE2e();
    await importOrg(ctx, { units, users });
    planId = (await createPlan(ctx, { code: '151-KH/ĐUK-Thử', rootUnit: 'ĐUK-Thử', consolidateAt: ['upper'] } as never)).id;
    await launchPlan(ctx, planId);
    reportId = (await reportsByUnit(ctx, planId)).get('CB-Đoàn')!.id;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const nameIn = (disposition: string) => ({
    ascii: /filename="([^"]*)"/.exec(disposition)?.[1],
    utf8: decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? ''),
  });

  it("a unit's report: 200, an ASCII fallback and the code in filename*", async () => {
    const res = await getBinary(await session(ctx, 'doan.soanthao'), `/api/reports/${reportId}/document.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    expect(nameIn(res.headers['content-disposition'])).toEqual({ ascii: 'bao-cao-CB-Doan.docx', utf8: 'bao-cao-CB-Đoàn.docx' });
    expect(readWordFile(res.body).paragraphs).toContain('CHI BỘ BAN TỔ CHỨC TRUNG ƯƠNG ĐOÀN');
  });

  it('the consolidated report of the root and of an upper committee', async () => {
    const admin = await session(ctx, 'admin');
    const root = await getBinary(admin, `/api/plans/${planId}/consolidated.docx`);
    expect(root.status).toBe(200);
    expect(nameIn(root.headers['content-disposition'])).toEqual({ ascii: 'bao-cao-tong-hop-DUK-Thu.docx', utf8: 'bao-cao-tong-hop-ĐUK-Thử.docx' });
    const upper = await getBinary(admin, `/api/plans/${planId}/consolidated.docx?unit=${encodeURIComponent('ĐB-Đoàn')}`);
    expect(upper.status).toBe(200);
    expect(nameIn(upper.headers['content-disposition'])).toEqual({ ascii: 'bao-cao-tong-hop-DB-Doan.docx', utf8: 'bao-cao-tong-hop-ĐB-Đoàn.docx' });
    expect(readWordFile(upper.body).paragraphs.length).toBeGreaterThan(10);
  });
});
