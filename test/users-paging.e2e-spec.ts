import { expectStatus, session, Session } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

interface UserDto {
  username: string;
  roles: { unitCode: string; role: string }[];
}

const EXTRA = 5_100;

/**
 * More users than one page holds: reading or changing one of them must not depend on where it falls
 * in the list, and the list is read a page at a time.
 */
describe('users beyond the first page: looked up directly, listed in pages', () => {
  let ctx: E2eContext;
  let admin: Session;
  const last = `zz-nguoi-${EXTRA}`;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
    // Straight into the table: importing thousands through the API would hash thousands of passwords.
    await ctx.db.query(
      `INSERT INTO users (username, full_name, email, password_hash)
       SELECT 'zz-nguoi-' || lpad(n::text, 4, '0'), 'Người thứ ' || n, 'nguoi' || n || '@example.vn', 'not-a-hash'
         FROM generate_series(1, $1) AS n`,
      [EXTRA],
    );
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('a user after the first 5000 is read, and their roles replaced, with 200', async () => {
    const { rows } = await ctx.db.query<{ n: number; after: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE username < $1)::int AS after FROM users`,
      [last],
    );
    expect(rows[0].n).toBeGreaterThan(5_000);
    expect(rows[0].after).toBeGreaterThanOrEqual(5_000);

    expect((expectStatus(await admin.get(`/api/users/${last}`), 200).body as UserDto).username).toBe(last);
    const res = expectStatus(
      await admin.put(`/api/users/${last}/roles`).send({ roles: [{ unit: 'KBNN-KT', role: 'drafter' }] }),
      200,
      'roles of the last user',
    );
    expect(res.body).toMatchObject({ username: last, roles: [{ unitCode: 'KBNN-KT', role: 'drafter' }] });
    expect((expectStatus(await admin.get(`/api/users/${last}`), 200).body as UserDto).roles).toEqual([
      expect.objectContaining({ unitCode: 'KBNN-KT', role: 'drafter' }),
    ]);
    expect((await admin.get('/api/users/khong-co-ai')).status).toBe(404);
  });

  it('the list comes a page at a time in username order; pages follow on without overlap', async () => {
    const page = async (query: string) => (expectStatus(await admin.get(`/api/users?${query}`), 200, query).body as UserDto[]).map((u) => u.username);
    const all = (await ctx.db.query<{ username: string }>(`SELECT username FROM users ORDER BY username`)).rows.map((r) => r.username);
    expect(await page('limit=2')).toEqual(all.slice(0, 2));
    expect(await page('limit=2&offset=1')).toEqual(all.slice(1, 3));
    expect(await page('limit=5000')).toHaveLength(5_000);
    // Without a limit, one default page; the rest by offset.
    const defaultPage = await page('');
    expect(defaultPage.length).toBeLessThan(EXTRA);
    expect(await page(`limit=5000&offset=${all.length - 3}`)).toEqual(all.slice(-3));
    expect(all.slice(-1)).toEqual([last]);
    expect((await page('unit=KBNN-KT&limit=10')).sort()).toEqual(['kbnn-kt.bithu', 'kbnn-kt.capuy', 'kbnn-kt.soanthao', last].sort());
  });

  it('limit and offset out of bounds or not whole numbers are a 400', async () => {
    const answers = [];
    for (const query of ['limit=0', 'limit=5001', 'limit=-1', 'limit=abc', 'limit=1.5', 'offset=-1', 'offset=x', 'offset=10000001']) {
      answers.push({ query, status: (await admin.get(`/api/users?${query}`)).status });
    }
    expect(answers.filter((a) => a.status !== 400)).toEqual([]);
  });
});
