import { expectStatus, session, Session } from './support/api';
import { aheadPlan } from './support/ahead-plan';
import { importFixture, launchPlan, openTask, reportsByUnit } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

interface UserDto {
  username: string;
  fullName: string;
  active: boolean;
  roles: { unitCode: string; role: string }[];
}
interface CandidateDto {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  position: string | null;
  positionTitle: string | null;
}

/**
 * Administration a Party office runs alone: an administrator adds a person (who gets a set-password link), finds people
 * by name without typing diacritics, and a task's holder picks whom to delegate to from a list.
 */
describe('administering people: adding, searching without diacritics, picking a delegate', () => {
  let ctx: E2eContext;
  let admin: Session;
  const usernames = async (query: string) => (expectStatus(await admin.get(`/api/users?${query}`), 200, query).body as UserDto[]).map((u) => u.username);
  const audited = async (action: string, username: string) =>
    (await ctx.db.query(`SELECT 1 FROM audit_events WHERE action = $1 AND data->>'username' = $2`, [action, username])).rows.length;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('adds a person without a password, audited, with a set-password link on its way; a second add of the username is a 409 changing nothing', async () => {
    const res = expectStatus(await admin.post('/api/users').send({ username: 'dang.van.moi', fullName: 'Đặng Văn Mới', email: 'moi@example.vn' }), 201, 'add');
    expect(res.body).toMatchObject({
      username: 'dang.van.moi',
      fullName: 'Đặng Văn Mới',
      email: 'moi@example.vn',
      active: true,
      roles: [],
      setPasswordLink: { email: 'moi@example.vn' },
    });
    const links = await ctx.db.query(`SELECT l.reason FROM password_links l JOIN users u ON u.id = l.user_id WHERE u.username = 'dang.van.moi'`);
    expect(links.rows).toEqual([{ reason: 'new_account' }]);
    expect(await audited('user.create', 'dang.van.moi')).toBe(1);

    const again = expectStatus(
      await admin.post('/api/users').send({ username: 'dang.van.moi', fullName: 'Người khác', email: 'khac@example.vn' }),
      409,
      'taken',
    );
    expect(again.body.message).toContain('dang.van.moi');
    expect((expectStatus(await admin.get('/api/users/dang.van.moi'), 200).body as UserDto).fullName).toBe('Đặng Văn Mới');
    expect(await audited('user.create', 'dang.van.moi')).toBe(1);
  });

  it('refuses a malformed person with 400 naming each field in Vietnamese, creating nobody', async () => {
    const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;
    const res = expectStatus(await admin.post('/api/users').send({ username: 'Có Dấu', fullName: '', email: 'khong-phai-thu' }), 400, 'malformed');
    const message = (res.body.message as string[]).join(' | ');
    expect(message).toContain('Tên đăng nhập');
    expect(message).toContain('họ và tên');
    expect(message).toContain('Thư điện tử');
    expectStatus(await admin.post('/api/users').send({ username: 'mot.dong', fullName: 'Hai\ndòng', email: 'a@example.vn' }), 400, 'two lines');
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(before);
  });

  it('finds names without diacritics, in any case, word by word: "dang" finds Đặng, "nguyen van" finds Nguyễn Văn An', async () => {
    expect(await usernames('q=dang')).toEqual(['dang.van.moi', 'kbnn-tt.bithu']);
    expect(await usernames('q=DANG%20hoa')).toEqual(['kbnn-tt.bithu']);
    expect(await usernames(`q=${encodeURIComponent('nguyen van')}`)).toEqual(['kbnn.bithu']);
    expect(await usernames(`q=${encodeURIComponent('Đặng')}`)).toEqual(['dang.van.moi', 'kbnn-tt.bithu']);
    expect(await usernames(`q=${encodeURIComponent('thống'.normalize('NFD'))}`)).toEqual(['admin']);
    expect(await usernames('q=soanthao&unit=KBNN-KT')).toEqual(['kbnn-kt.soanthao']);
    expect(await usernames('q=zzz-khong-ai')).toEqual([]);
    expect(expectStatus(await admin.get(`/api/users?q=${'a'.repeat(101)}`), 400, 'too long').body.message).toEqual(['Từ khóa tìm kiếm dài tối đa 100 ký tự']);
  });

  it('finds a name stored decomposed (NFD) as one stored precomposed', async () => {
    await ctx.db.query(`UPDATE users SET full_name = $1 WHERE username = 'kbnn-kt.capuy'`, ['Ngô Thị Dung'.normalize('NFD')]);
    expect(await usernames('q=ngo%20thi%20dung')).toEqual(['kbnn-kt.capuy']);
  });

  it('lists for a task’s holder the colleagues who may take it, by name without diacritics, and nobody else sees the list', async () => {
    const plan = await aheadPlan(ctx);
    await launchPlan(ctx, plan.id);
    const kt = (await reportsByUnit(ctx, plan.id)).get('KBNN-KT')!;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    const task = await openTask(drafter, kt.id, 'drafting');
    expect(expectStatus(await drafter.get(`/api/tasks/${task.id}/delegates`), 200).body).toEqual([]);

    // A new holder of the role is given a task of the running stage: one voice each, so not a candidate.
    expectStatus(await admin.put('/api/users/dang.van.moi/roles').send({ roles: [{ unit: 'KBNN-KT', role: 'drafter' }] }), 200, 'a second drafter');
    const roundOf = (username: string) =>
      ctx.db.query(
        `SELECT 1 FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE u.username = $1 AND t.report_id = $2 AND t.stage = 'drafting' AND t.state = 'open'`,
        [username, kt.id],
      );
    expect((await roundOf('dang.van.moi')).rows).toHaveLength(1);
    expect(expectStatus(await drafter.get(`/api/tasks/${task.id}/delegates`), 200).body).toEqual([]);
    // A holder with no task of the round (the role given straight in the table, no stage told) may take it.
    await ctx.db.query(
      `INSERT INTO role_assignments (user_id, unit_id, role) SELECT u.id, o.id, 'drafter' FROM users u, org_units o WHERE u.username = 'kbnn-tt.bithu' AND o.code = 'KBNN-KT'`,
    );
    const found = expectStatus(await drafter.get(`/api/tasks/${task.id}/delegates?q=dang`), 200).body as CandidateDto[];
    expect(found).toEqual([
      { username: 'kbnn-tt.bithu', fullName: 'Đặng Thị Hoa', unitCode: 'KBNN-KT', unitName: expect.any(String), position: null, positionTitle: null },
    ]);
    expect(expectStatus(await drafter.get(`/api/tasks/${task.id}/delegates?q=lan`), 200).body).toEqual([]);

    expectStatus(await session(ctx, 'kbnn-kt.bithu').then((s) => s.get(`/api/tasks/${task.id}/delegates`)), 403, 'someone else');
    expectStatus(await drafter.get('/api/tasks/00000000-0000-4000-8000-000000000000/delegates'), 404, 'unknown task');

    expectStatus(await admin.post('/api/users/kbnn-tt.bithu/deactivate'), 200, 'deactivate');
    expect(expectStatus(await drafter.get(`/api/tasks/${task.id}/delegates`), 200).body).toEqual([]);
    expectStatus(await admin.post('/api/users/kbnn-tt.bithu/reactivate'), 200, 'reactivate');
    expectStatus(await drafter.post(`/api/tasks/${task.id}/delegate`).send({ username: 'kbnn-tt.bithu' }), 200, 'delegate to the one picked');
    expect((await roundOf('kbnn-tt.bithu')).rows).toHaveLength(1);
  });

  it('documents the new endpoints with each answer in the OpenAPI document', async () => {
    const { paths } = expectStatus(await admin.get('/docs-json'), 200).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(paths['/api/users'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '409']));
    expect(Object.keys(paths['/api/tasks/{id}/delegates'].get.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
    expect(Object.keys(paths['/api/plans/{id}/deadlines/preview'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(JSON.stringify(paths['/api/users'].get)).toContain('"name":"q"');
  });
});
