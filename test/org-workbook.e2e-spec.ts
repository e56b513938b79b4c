import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { expectStatus, login, session, Session } from './support/api';
import { importFixture } from './support/factories';
import { Fixture } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { asBytes, loadWorkbook, orgWorkbook, PERSON_HEADINGS, sheetRows, UNIT_HEADINGS, withWorkbook, XLSX } from './support/org-workbook';
import { ReceivedMail, SmtpSink } from './kit/smtp-sink';
import { holdsFor, waitFor } from './kit/poll';

const PUBLIC_URL = 'https://tongket.example.vn/ung-dung';
const LINK = /https:\/\/tongket\.example\.vn\/ung-dung\/dat-mat-khau#([A-Za-z0-9_-]{43})/;
const UNUSABLE = /^Liên kết đặt mật khẩu không dùng được/;

interface Problem {
  sheet: string;
  row: number | null;
  column: string | null;
  heading: string | null;
  cell: string | null;
  message: string;
}

/**
 * An office loads its organisation from Excel: the template and the export of what is stored, an
 * upload previewed (what would change, every problem by sheet, row and column) before anything is
 * written, then applied as one audited org import; the people it creates get one e-mail each with a
 * link that sets their password once. The fixture's tree is stored first.
 */
describe('the organisation from an Excel workbook', () => {
  const sink = new SmtpSink();
  let ctx: E2eContext;
  let admin: Session;
  let fixture: Fixture;

  const preview = async (bytes: Buffer) => expectStatus(await withWorkbook(admin.post('/api/org/import.xlsx?dryRun=true'), bytes), 200, 'preview').body;
  const importStatus = async (id: string) => expectStatus(await admin.get(`/api/org/imports/${id}`), 200).body;
  const untilDone = (id: string, timeoutMs = 60_000) =>
    waitFor(
      async () => {
        const status = await importStatus(id);
        return ['done', 'failed'].includes(status.status) ? status : undefined;
      },
      { timeoutMs, intervalMs: 100, what: `import ${id} to end` },
    );
  /** Applies a workbook: 201 when done within ORG_IMPORT_WAIT_MS, else 202 followed to its end; the import's status either way. */
  const apply = async (bytes: Buffer) => {
    const res = expectStatus(await withWorkbook(admin.post('/api/org/import.xlsx'), bytes), [201, 202], 'apply');
    expect(res.headers.location).toMatch(/^\/api\/org\/imports\/[0-9a-f-]{36}$/);
    return untilDone(res.headers.location.split('/').pop()!);
  };
  /** Counts of everything an import could change. */
  const everything = async () =>
    (
      await ctx.db
        .query(`SELECT (SELECT count(*) FROM org_units) AS units, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM role_assignments) AS roles,
      (SELECT count(*) FROM user_positions) AS positions, (SELECT count(*) FROM org_imports) AS imports, (SELECT count(*) FROM audit_events) AS events,
      (SELECT count(*) FROM password_links) AS links, (SELECT string_agg(u.username || u.full_name || u.email || u.password_hash, ',' ORDER BY u.username) FROM users u) AS people,
      (SELECT string_agg(code || name || kind || place || coalesce(parent_id::text, ''), ',' ORDER BY code) FROM org_units) AS tree`)
    ).rows[0];
  const mailsTo = (email: string) => sink.mails.filter((m) => m.rcpt.includes(email));
  const oneLinkMail = async (email: string): Promise<{ mail: ReceivedMail; token: string }> => {
    await sink.waitForMails((m) => m.rcpt.includes(email), 1, { what: `the set-password e-mail to ${email}` });
    await holdsFor(async () => mailsTo(email).length === 1, { forMs: 500, what: `one e-mail to ${email}` });
    const [mail] = mailsTo(email);
    const token = LINK.exec(mail.text)?.[1];
    if (!token) throw new Error(`no set-password link in ${mail.text}`);
    return { mail, token };
  };
  const setPassword = (token: string, password: string) => ctx.http.post('/api/auth/set-password').send({ token, password });

  beforeAll(async () => {
    await sink.start();
    ctx = await startE2e({ smtpPort: sink.port, env: { PUBLIC_URL, ORG_IMPORT_WAIT_MS: '5000' } });
    fixture = await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
    await sink.stop();
  });

  it('the template is a workbook of units, people and a guide: headings frozen, kinds, roles and positions as drop-downs, no password column', async () => {
    const res = expectStatus(await asBytes(admin.get('/api/org/import-template.xlsx')), 200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain('mau-nhap-to-chuc.xlsx');
    const workbook = await loadWorkbook(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đơn vị', 'Người dùng', 'Hướng dẫn']);
    const units = workbook.getWorksheet('Đơn vị')!;
    const people = workbook.getWorksheet('Người dùng')!;
    expect((units.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADINGS);
    expect((people.getRow(1).values as unknown[]).slice(1)).toEqual(PERSON_HEADINGS);
    expect(units.rowCount).toBe(1);
    for (const sheet of [units, people]) expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(units.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đảng bộ Khối,Đảng bộ cấp trên cơ sở,Đảng bộ cơ sở,Chi bộ cơ sở,Chi bộ trực thuộc"'],
    });
    expect(people.getCell('E2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Soạn thảo,Thông qua (cấp ủy),Thẩm định (cấp ủy cấp trên),Tổ giúp việc,Quản trị"'],
    });
    expect(people.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Bí thư,Phó Bí thư,Ủy viên Ban Thường vụ,Cấp ủy viên,Đảng viên"'] });
    const text = JSON.stringify(workbook.worksheets.map((s) => s.getRow(1).values));
    expect(text).not.toMatch(/mật khẩu|password/i);
  });

  it('the export holds the stored tree and people; uploaded unchanged, its preview lists no change and writes nothing, and applying it changes nothing', async () => {
    const res = expectStatus(await asBytes(admin.get('/api/org/export.xlsx')), 200);
    const workbook = await loadWorkbook(res);
    const units = sheetRows(workbook, 'Đơn vị');
    expect(units).toHaveLength(fixture.units.length);
    expect(units).toContainEqual(['KBNN', 'Đảng bộ Kho bạc Nhà nước Trung ương', 'Đảng bộ cấp trên cơ sở', 'DUK', 'Hà Nội']);
    expect(units).toContainEqual(['BVNN', 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp', 'Đảng bộ cơ sở', 'DUK', 'Hà Nội']);
    expect(units[0]).toEqual(['DUK', 'Đảng bộ Khối các cơ quan Trung ương', 'Đảng bộ Khối', '', 'Hà Nội']);
    const people = sheetRows(workbook, 'Người dùng');
    const binh = fixture.users.find((u) => u.username === 'kbnn.bithu')!;
    expect(people).toContainEqual(['kbnn.bithu', binh.fullName, binh.email, 'KBNN', 'Thông qua (cấp ủy), Thẩm định (cấp ủy cấp trên)', 'Bí thư']);
    expect(new Set(people.map((p) => p[0]))).toEqual(new Set(fixture.users.map((u) => u.username)));

    const before = await everything();
    const answer = await preview(res.body as Buffer);
    expect(answer).toMatchObject({ valid: true, units: fixture.units.length, users: fixture.users.length, problems: [], changes: { units: [], users: [] } });
    expect(Object.entries(answer.counts).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await everything()).toEqual(before);

    const status = await apply(res.body as Buffer);
    expect(status.result).toMatchObject({
      unitsCreated: 0,
      unitsChanged: 0,
      usersCreated: 0,
      usersChanged: 0,
      rolesAdded: 0,
      rolesRemoved: 0,
      positionsAdded: 0,
      positionsRemoved: 0,
      setPasswordLinks: 0,
    });
    const after = await everything();
    expect({ ...after, imports: before.imports, events: before.events }).toEqual(before);
    expect(await login(ctx, 'kbnn.bithu', FIXTURE_PASSWORD)).toEqual(expect.any(String));
  }, 60_000);

  it('a file with errors lists every one by sheet, row and column, in Vietnamese, and changes nothing, previewed or applied', async () => {
    const bytes = await orgWorkbook({
      units: [
        ['DUK', 'Đảng bộ Khối các cơ quan Trung ương', 'Đảng bộ Khối', '', 'Hà Nội'],
        ['MOI-1', 'Chi bộ Mới Một', 'Chi bộ', 'KBNN', ''],
        ['MOI-2', 'Chi bộ Mới Hai', 'Chi bộ trực thuộc', 'KHONG-CO', ''],
        ['MOI-2', 'Chi bộ trùng mã', 'Chi bộ trực thuộc', 'KBNN', ''],
        ['KBNN', 'Đảng bộ Kho bạc Nhà nước Trung ương', 'Đảng bộ cấp trên cơ sở', 'KBNN-KT', ''],
        ['MOI-3', 'Chi bộ Mới Ba', 'Chi bộ trực thuộc', 'DUK', ''],
      ],
      people: [
        ['moi.mot', 'Người Mới Một', 'khong-phai-thu', 'KBNN-KT', 'Soạn thảo', ''],
        ['moi.hai', 'Người Mới Hai', 'hai@example.vn', 'KBNN-KT', 'Phê duyệt', ''],
        ['moi.ba', 'Người Mới Ba', 'ba@example.vn', 'KBNN-KT', 'Soạn thảo', 'Trưởng phòng'],
        ['moi.bon', 'Người Mới Bốn', 'bon@example.vn', 'KBNN-KT', 'Thông qua (cấp ủy)', 'Bí thư'],
        ['moi.nam', 'Người Mới Năm', 'nam@example.vn', 'MOI-3', 'Thông qua (cấp ủy)', 'Bí thư'],
        ['moi.sau', 'Người Mới Sáu', 'sau@example.vn', 'MOI-3', 'Thông qua (cấp ủy)', 'Bí thư'],
        ['moi.hai', 'Tên Khác', '', 'KBNN-TT', 'Soạn thảo', ''],
        ['moi.ba', '', '', 'KBNN-KT', 'Soạn thảo', ''],
        ['Sai Ten', 'Người Sai Tên', 'sai@example.vn', 'KBNN-KT', 'Soạn thảo', ''],
      ],
    });
    const before = await everything();
    const answer = await preview(bytes);
    const at = (problems: Problem[]) => problems.map((p) => `${p.sheet}!${p.cell}`);
    const expected: [string, RegExp][] = [
      ['Đơn vị!C3', /^Loại đơn vị “Chi bộ” không có; chọn một trong: Đảng bộ Khối/],
      ['Đơn vị!D4', /^Mã đơn vị cấp trên “KHONG-CO” không có trong trang “Đơn vị” và chưa có trong hệ thống$/],
      ['Đơn vị!A5', /^Mã đơn vị “MOI-2” trùng với dòng 4/],
      ['Đơn vị!D6', /^Đơn vị KBNN nằm trong một vòng cấp trên khép kín: KBNN → KBNN-KT → KBNN$/],
      ['Người dùng!C2', /^Thư điện tử “khong-phai-thu” không phải một địa chỉ thư điện tử/],
      ['Người dùng!E3', /^Vai trò “Phê duyệt” không có/],
      ['Người dùng!F4', /^Chức vụ “Trưởng phòng” không có/],
      ['Người dùng!F5', /^Đơn vị KBNN-KT đã có Bí thư là đồng chí kbnn-kt\.bithu/],
      ['Người dùng!F7', /^Đơn vị MOI-3 đã có Bí thư là đồng chí moi\.nam \(dòng 6\)/],
      ['Người dùng!B8', /^Họ và tên khác với dòng 3 \(“Người Mới Hai”\)/],
      ['Người dùng!D9', /^Đồng chí moi\.ba đã có dòng 4 cho đơn vị KBNN-KT/],
      ['Người dùng!A10', /^Tên đăng nhập “Sai Ten” chỉ gồm chữ thường không dấu/],
    ];
    expect(answer.valid).toBe(false);
    expect(at(answer.problems)).toEqual(expected.map(([cell]) => cell));
    answer.problems.forEach((p: Problem, i: number) => expect(p.message).toMatch(expected[i][1]));
    expect(answer.problems[0]).toEqual({ sheet: 'Đơn vị', row: 3, column: 'C', heading: 'Loại', cell: 'C3', message: expect.any(String) });

    const refused = expectStatus(await withWorkbook(admin.post('/api/org/import.xlsx'), bytes), 400);
    expect(refused.body).toMatchObject({ statusCode: 400, message: 'Tệp có 12 lỗi; chưa thay đổi gì. Sửa các ô được nêu rồi tải lên lại.' });
    expect(refused.body.problems).toEqual(answer.problems);
    expect(await everything()).toEqual(before);
  });

  it('applying creates units, people, roles and positions as one audited import; each new person gets one e-mail whose link sets their password, once', async () => {
    const bytes = await orgWorkbook({
      units: [
        ['KBNN-MOI', 'Chi bộ Phòng Số hóa', 'Chi bộ trực thuộc', 'KBNN', 'Hà Nội'],
        ['BNĐ', 'Chi bộ Báo Nhân Đạo', 'Chi bộ cơ sở', 'DUK', 'TP Hồ Chí Minh'],
      ],
      people: [
        ['so.bithu', 'Phạm Thị Số', 'so.bithu@kbnn.vn', 'KBNN-MOI', 'Thông qua (cấp ủy), Soạn thảo', 'Bí thư'],
        ['so.bithu', '', '', 'KBNN', '', 'Đảng viên'],
        ['so.dangvien', 'Vũ Văn Hóa', 'so.dangvien@kbnn.vn', 'KBNN-MOI', 'Soạn thảo', 'Đảng viên'],
        ['bnd.bithu', 'Hoàng Văn Đạo', 'bnd.bithu@baond.vn', 'BNĐ', 'Soạn thảo, Thông qua (cấp ủy)', 'Bí thư'],
        // A known person: their roles become the file's; their password stays theirs.
        [
          'kbnn.soanthao',
          fixture.users.find((u) => u.username === 'kbnn.soanthao')!.fullName,
          fixture.users.find((u) => u.username === 'kbnn.soanthao')!.email,
          'KBNN-MOI',
          'Soạn thảo',
          'Đảng viên',
        ],
      ],
    });
    const answer = await preview(bytes);
    expect(answer).toMatchObject({ valid: true, problems: [] });
    expect(answer.counts).toMatchObject({
      unitsCreated: 2,
      unitsChanged: 0,
      usersCreated: 3,
      usersChanged: 1,
      rolesAdded: 6,
      rolesRemoved: 1,
      positionsAdded: 5,
      positionsRemoved: 1,
    });
    expect(answer.changes.users).toContainEqual({
      username: 'kbnn.soanthao',
      change: 'changed',
      before: {},
      after: {},
      rolesAdded: [{ unit: 'KBNN-MOI', role: 'drafter' }],
      rolesRemoved: [{ unit: 'KBNN', role: 'drafter' }],
      positionsAdded: [{ unit: 'KBNN-MOI', position: 'dang_vien' }],
      positionsRemoved: [{ unit: 'KBNN', position: 'dang_vien' }],
    });

    const status = await apply(bytes);
    expect(status).toMatchObject({ status: 'done', units: 2, users: 4 });
    expect(status.result).toMatchObject({
      unitsCreated: 2,
      usersCreated: 3,
      usersChanged: 1,
      rolesAdded: 6,
      rolesRemoved: 1,
      positionsAdded: 5,
      positionsRemoved: 1,
      setPasswordLinks: 3,
      passwordsChanged: 0,
    });
    const unit = (await ctx.db.query(`SELECT u.kind, u.place, p.code AS parent FROM org_units u JOIN org_units p ON p.id = u.parent_id WHERE u.code = 'BNĐ'`))
      .rows[0];
    expect(unit).toEqual({ kind: 'grassroots', place: 'TP Hồ Chí Minh', parent: 'DUK' });
    const roles = (
      await ctx.db.query(
        `SELECT o.code, r.role FROM role_assignments r JOIN users u ON u.id = r.user_id JOIN org_units o ON o.id = r.unit_id WHERE u.username = 'so.bithu' ORDER BY 1, 2`,
      )
    ).rows;
    expect(roles).toEqual([
      { code: 'KBNN-MOI', role: 'approver' },
      { code: 'KBNN-MOI', role: 'drafter' },
    ]);
    const positions = (
      await ctx.db.query(
        `SELECT o.code, p.position FROM user_positions p JOIN users u ON u.id = p.user_id JOIN org_units o ON o.id = p.unit_id WHERE u.username = 'so.bithu' ORDER BY 1`,
      )
    ).rows;
    expect(positions).toEqual([
      { code: 'KBNN', position: 'dang_vien' },
      { code: 'KBNN-MOI', position: 'bi_thu' },
    ]);

    // Audited as one import, with each person's change, and the links sent to the people created.
    type ImportEvent = { action: string; data: { username?: string; setPasswordLinkSent?: boolean } };
    const events = (await ctx.db.query<ImportEvent>(`SELECT action, data FROM audit_events WHERE data->>'importId' = $1 ORDER BY id`, [status.id])).rows;
    expect(events[0]).toMatchObject({ action: 'org.import', data: { unitsCreated: 2, usersCreated: 3 } });
    expect(
      events
        .filter((e) => e.action === 'org.import.user')
        .map((e) => [e.data.username, e.data.setPasswordLinkSent ?? false])
        .sort(),
    ).toEqual([
      ['bnd.bithu', true],
      ['kbnn.soanthao', false],
      ['so.bithu', true],
      ['so.dangvien', true],
    ]);

    // Nobody created can sign in before setting a password; the known person still can, with theirs.
    expectStatus(await ctx.http.post('/api/auth/login').send({ username: 'so.bithu', password: FIXTURE_PASSWORD }), 401);
    expect(await login(ctx, 'kbnn.soanthao', FIXTURE_PASSWORD)).toEqual(expect.any(String));

    const { mail, token } = await oneLinkMail('so.bithu@kbnn.vn');
    expect(mail.subject).toBe('Tài khoản Tổng kết: đặt mật khẩu để bắt đầu sử dụng');
    expect(mail.text).toContain('Kính gửi đồng chí Phạm Thị Số,');
    expect(mail.text).toContain('tên đăng nhập: so.bithu');
    expect(mail.to).toEqual(['Phạm Thị Số <so.bithu@kbnn.vn>']);
    await oneLinkMail('so.dangvien@kbnn.vn');
    await oneLinkMail('bnd.bithu@baond.vn');
    expect(mailsTo(fixture.users.find((u) => u.username === 'kbnn.soanthao')!.email.toLowerCase())).toEqual([]);
    // The token is in the e-mail only: not in the links, the outbox, the audit trail or the import.
    const stored = (
      await ctx.db
        .query(`SELECT (SELECT string_agg(encode(token_hash, 'escape') || id::text, ' ') FROM password_links) || (SELECT string_agg(payload::text, ' ') FROM outbox)
      || (SELECT string_agg(data::text, ' ') FROM audit_events) || (SELECT coalesce(string_agg(coalesce(result::text, ''), ' '), '') FROM org_imports) AS t`)
    ).rows[0].t;
    expect(stored).not.toContain(token);

    expectStatus(await setPassword(token, 'ngan'), 400);
    expectStatus(await setPassword(token, 'mat-khau-cua-so-2026'), 204);
    expect(await login(ctx, 'so.bithu', 'mat-khau-cua-so-2026')).toEqual(expect.any(String));
    const again = expectStatus(await setPassword(token, 'mat-khau-khac-2026'), 400);
    const wrong = expectStatus(await setPassword('khong-phai-token-nao-ca', 'mat-khau-khac-2026'), 400);
    expect(again.body.message).toMatch(UNUSABLE);
    expect(wrong.body).toEqual(again.body);
    expectStatus(await ctx.http.post('/api/auth/login').send({ username: 'so.bithu', password: 'mat-khau-khac-2026' }), 401);
    const trail = (
      await ctx.db.query<{ action: string; actor: string }>(`SELECT action, actor, data FROM audit_events WHERE action LIKE 'auth.set_password%' ORDER BY id`)
    ).rows;
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['auth.set_password', 'so.bithu'],
      ['auth.set_password_failed', 'anonymous'],
      ['auth.set_password_failed', 'anonymous'],
    ]);
    expect(JSON.stringify(trail)).not.toContain('mat-khau');
  }, 60_000);

  it('an administrator sends a new link by e-mail: the person’s older link stops working, the new one works once', async () => {
    const { token: first } = await oneLinkMail('so.dangvien@kbnn.vn');
    const sent = expectStatus(await admin.post('/api/users/so.dangvien/set-password-link'), 202);
    expect(sent.body).toEqual({ username: 'so.dangvien', email: 'so.dangvien@kbnn.vn', expiresInDays: 7 });
    const [, second] = await sink.waitForMails((m) => m.rcpt.includes('so.dangvien@kbnn.vn'), 2, { what: 'the second link' });
    expect(second.subject).toBe('Tài khoản Tổng kết: liên kết đặt mật khẩu mới');
    const token = LINK.exec(second.text)![1];
    expect((await setPassword(first, 'mat-khau-cua-hoa-2026')).body.message).toMatch(UNUSABLE);
    expectStatus(await setPassword(token, 'mat-khau-cua-hoa-2026'), 204);
    expect(await login(ctx, 'so.dangvien', 'mat-khau-cua-hoa-2026')).toEqual(expect.any(String));
    expectStatus(await admin.post('/api/users/khong-co-ai/set-password-link'), 404);
    const audited = (await ctx.db.query(`SELECT actor, data FROM audit_events WHERE action = 'user.set_password_link'`)).rows;
    expect(audited).toEqual([{ actor: 'admin', data: { username: 'so.dangvien', email: 'so.dangvien@kbnn.vn' } }]);
  }, 60_000);

  it('the JSON import keeps taking passwords, and without one treats a new person as the workbook does', async () => {
    const res = expectStatus(
      await admin.post('/api/org/import').send({
        units: [],
        users: [
          { username: 'json.khong', fullName: 'Đỗ Thị Json', email: 'json.khong@example.vn', roles: [{ unit: 'KBNN-MOI', role: 'drafter' }] },
          { username: 'json.co', fullName: 'Đỗ Văn Json', email: 'json.co@example.vn', password: 'mat-khau-json-2026', roles: [] },
        ],
      }),
      201,
    );
    expect(res.body).toEqual({ units: 0, users: 2 });
    const { token } = await oneLinkMail('json.khong@example.vn');
    expectStatus(await setPassword(token, 'mat-khau-json-khac-2026'), 204);
    expect(await login(ctx, 'json.co', 'mat-khau-json-2026')).toEqual(expect.any(String));
    await holdsFor(async () => mailsTo('json.co@example.vn').length === 0, { forMs: 500, what: 'no e-mail to a person imported with a password' });
  }, 60_000);

  it('refuses a body that is not a workbook: another media type unread (415), bytes that are not .xlsx (400)', async () => {
    expectStatus(await admin.post('/api/org/import.xlsx?dryRun=true').set('Content-Type', 'application/json').send({ units: [] }), 415);
    const notXlsx = expectStatus(await withWorkbook(admin.post('/api/org/import.xlsx?dryRun=true'), Buffer.from('Mã đơn vị;Tên đơn vị\nDUK;Khối\n')), 400);
    expect(notXlsx.body.message).toBe('Tệp không phải là bảng tính Excel (.xlsx)');
    expectStatus(await withWorkbook(admin.post('/api/org/import.xlsx?dryRun=maybe'), await orgWorkbook({})), 400);
  });

  it('the OpenAPI document describes the workbook’s routes and the set-password ones, with their media types', async () => {
    const doc = expectStatus(await admin.get('/docs-json'), 200).body;
    expect(Object.keys(doc.paths['/api/org/import-template.xlsx'].get.responses['200'].content)).toEqual([XLSX]);
    expect(Object.keys(doc.paths['/api/org/export.xlsx'].get.responses['200'].content)).toEqual([XLSX]);
    expect(Object.keys(doc.paths['/api/org/import.xlsx'].post.requestBody.content)).toEqual([XLSX]);
    expect(Object.keys(doc.paths['/api/org/import.xlsx'].post.responses)).toEqual(expect.arrayContaining(['200', '201', '202', '400', '413', '415']));
    expect(doc.paths['/api/auth/set-password'].post).toBeDefined();
    expect(doc.paths['/api/users/{username}/set-password-link'].post.responses['202']).toBeDefined();
  });

  it('a large file (3,000 people in 100 new cells) answers 202 with its progress and completes', async () => {
    const units = Array.from({ length: 100 }, (_, i) => [`LON-${i}`, `Chi bộ Phòng ${i}`, 'Chi bộ trực thuộc', 'KBNN', '']);
    const people = Array.from({ length: 3000 }, (_, i) => [
      `lon.${i}`,
      `Đồng chí Lớn ${i}`,
      `lon.${i}@example.vn`,
      `LON-${i % 100}`,
      'Soạn thảo',
      i < 100 ? 'Bí thư' : 'Đảng viên',
    ]);
    const bytes = await orgWorkbook({ units, people });
    const answer = await preview(bytes);
    expect(answer).toMatchObject({
      valid: true,
      units: 100,
      users: 3000,
      counts: { unitsCreated: 100, usersCreated: 3000, rolesAdded: 3000, positionsAdded: 3000 },
    });

    // Without a worker for a moment, the request's wait ends first: 202 with the progress, whatever the machine's speed.
    await ctx.worker.close();
    let res;
    try {
      res = expectStatus(await withWorkbook(admin.post('/api/org/import.xlsx'), bytes), 202);
    } finally {
      ctx.worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
      await ctx.worker.init();
    }
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued', progress: { done: 0, total: 3000 }, statusUrl: `/api/org/imports/${res.body.id}` });
    expect(res.headers.location).toBe(res.body.statusUrl);
    const done = await untilDone(res.body.id, 120_000);
    expect(done).toMatchObject({ status: 'done', progress: { done: 3000, total: 3000 }, units: 100, users: 3000 });
    expect(done.result).toMatchObject({ unitsCreated: 100, usersCreated: 3000, rolesAdded: 3000, positionsAdded: 3000, setPasswordLinks: 3000 });
    const links = (await ctx.db.query(`SELECT count(*)::int AS n FROM password_links WHERE import_id = $1`, [res.body.id])).rows[0].n;
    expect(links).toBe(3000);
  }, 180_000);
});
