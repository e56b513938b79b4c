import { expectStatus, session, Session } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

const NO_ADMIN_LEFT = 'Không thể thực hiện: thay đổi này sẽ không còn quản trị viên nào đang hoạt động trong hệ thống.';

/**
 * The installation always keeps an active administrator: the last one can neither drop their own
 * admin role nor be deactivated (422, nothing changes); two administrators removing each other at
 * once cannot both succeed; and the database refuses to commit a transaction that leaves none.
 */
describe('the last administrator', () => {
  let ctx: E2eContext;
  let admin: Session;

  const admins = async () =>
    (
      await ctx.db.query<{ username: string }>(
        `SELECT DISTINCT u.username FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active ORDER BY 1`,
      )
    ).rows.map((r) => r.username);
  const roleChanges = async () =>
    Number((await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action IN ('roles.change', 'user.deactivate')`)).rows[0].n);

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('cannot remove their own admin role nor be deactivated: 422 with the reason, and nothing changes', async () => {
    expect(await admins()).toEqual(['admin']);
    const audited = await roleChanges();
    const dropRole = expectStatus(await admin.put('/api/users/admin/roles').send({ roles: [{ unit: 'DUK', role: 'reviewer' }] }), 422);
    expect(dropRole.body).toMatchObject({ statusCode: 422, message: NO_ADMIN_LEFT });
    const deactivate = expectStatus(await admin.post('/api/users/admin/deactivate'), 422);
    expect(deactivate.body).toMatchObject({ statusCode: 422, message: NO_ADMIN_LEFT });
    expect(await admins()).toEqual(['admin']);
    expect(await roleChanges()).toBe(audited);
    // The refused changes ended no session either.
    expectStatus(await admin.get('/api/me'), 200);
    expect((expectStatus(await admin.get('/api/users/admin'), 200).body as { roles: { role: string }[] }).roles.map((r) => r.role)).toEqual(['admin']);
  });

  it('may hand the role over: once another administrator exists, the first can leave', async () => {
    expectStatus(
      await admin.put('/api/users/btv.hung/roles').send({
        roles: [
          { unit: 'DUK', role: 'reviewer' },
          { unit: 'DUK', role: 'admin' },
        ],
      }),
      200,
    );
    expectStatus(await admin.put('/api/users/admin/roles').send({ roles: [{ unit: 'DUK', role: 'reviewer' }] }), 200);
    expect(await admins()).toEqual(['btv.hung']);
    // Removing a role ended the former administrator's session.
    expectStatus(await admin.get('/api/me'), 401);
    const hung = await session(ctx, 'btv.hung');
    expect(expectStatus(await hung.post('/api/users/btv.hung/deactivate'), 422).body.message).toBe(NO_ADMIN_LEFT);
    expectStatus(await hung.put('/api/users/admin/roles').send({ roles: [{ unit: 'DUK', role: 'admin' }] }), 200);
    ctx.tokens.delete('admin');
    admin = await session(ctx, 'admin');
    expect(await admins()).toEqual(['admin', 'btv.hung']);
  });

  it('two administrators removing each other at once: one succeeds, one is refused, one administrator remains', async () => {
    const hung = await session(ctx, 'btv.hung');
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        admin.put('/api/users/btv.hung/roles').send({ roles: [{ unit: 'DUK', role: 'reviewer' }] }),
        hung.put('/api/users/admin/roles').send({ roles: [{ unit: 'DUK', role: 'reviewer' }] }),
      ]);
      const statuses = [a.status, b.status].sort();
      // Usually 200 and 422 (both passed the guard, the check refused the second); 401 or 403 when the
      // first committed before the second's guard looked at its session or its role.
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.every((s) => [200, 401, 403, 422].includes(s))).toBe(true);
      const remaining = await admins();
      expect(remaining).toHaveLength(1);
      // Give the role back for the next round, as whoever kept it.
      const keeper = remaining[0] === 'admin' ? 'admin' : 'btv.hung';
      ctx.tokens.delete('admin');
      ctx.tokens.delete('btv.hung');
      const holder = await session(ctx, keeper);
      const other = keeper === 'admin' ? 'btv.hung' : 'admin';
      expectStatus(
        await holder.put(`/api/users/${other}/roles`).send({
          roles: [
            { unit: 'DUK', role: 'reviewer' },
            { unit: 'DUK', role: 'admin' },
          ],
        }),
        200,
      );
      admin = await session(ctx, 'admin');
      Object.assign(hung, await session(ctx, 'btv.hung'));
    }
  });

  it('the database refuses to commit a change that leaves no active administrator', async () => {
    await expect(ctx.db.query(`DELETE FROM role_assignments WHERE role = 'admin'`)).rejects.toThrow(/no active administrator would remain/);
    await expect(ctx.db.query(`UPDATE users SET active = false WHERE username IN ('admin', 'btv.hung')`)).rejects.toThrow(
      /no active administrator would remain/,
    );
    expect(await admins()).toEqual(['admin', 'btv.hung']);
    // One of two may go.
    await ctx.db.query(`UPDATE users SET active = false WHERE username = 'btv.hung'`);
    expect(await admins()).toEqual(['admin']);
  });
});
