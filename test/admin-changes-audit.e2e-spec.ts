import { expectStatus, session, Session } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { TONGKET_V1 } from './support/workflows';

/**
 * Every administrative change records who, when, what, before and after; never a password or a
 * hash, only that one changed.
 */
describe('administrative changes are audited with before and after, and no secret', () => {
  let ctx: E2eContext;
  let admin: Session;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const configuration = async (action: string) =>
    expectStatus(await admin.get(`/api/audit/configuration?action=${action}`), 200).body as { actor: string; at: string; data: Record<string, any> }[];

  it('a workflow version records the stages of the version before it and its own', async () => {
    const renamed = TONGKET_V1.map((s) => (s.key === 'committee_review' ? { ...s, name: 'Ban Thường vụ thẩm định' } : s));
    const created = expectStatus(await admin.post('/api/workflows/tongket/versions').send({ stages: renamed }), 201).body;
    const [event] = await configuration('workflow.version');
    expect(event.actor).toBe('admin');
    expect(event.data).toMatchObject({ key: 'tongket', version: created.version, after: { version: created.version, stages: renamed } });
    expect(event.data.before.version).toBe(created.version - 1);
    expect(event.data.before.stages.find((s: { key: string }) => s.key === 'committee_review').name).not.toBe('Ban Thường vụ thẩm định');
  });

  it('an administrator’s password reset records that it changed, and no audit event anywhere holds a password or a hash', async () => {
    const newPassword = 'mat-khau-moi-2026';
    expectStatus(await admin.put('/api/users/kbnn-kt.capuy/password').send({ password: newPassword }), 204);
    const [reset] = await configuration('user.password_reset');
    expect(reset).toMatchObject({ actor: 'admin' });
    expect(JSON.stringify(reset)).toContain('kbnn-kt.capuy');
    const { rows } = await ctx.db.query<{ text: string }>(`SELECT row_to_json(e)::text AS text FROM audit_events e`);
    const hashes = (await ctx.db.query<{ password_hash: string }>(`SELECT password_hash FROM users`)).rows.map((r) => r.password_hash);
    for (const { text } of rows) {
      expect(text).not.toContain(newPassword);
      expect(text).not.toContain('tongket-2019');
      expect(text).not.toMatch(/\$argon2/);
      for (const hash of hashes) expect(text).not.toContain(hash);
    }
  });
});
