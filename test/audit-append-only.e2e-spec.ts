import { createPlan, importFixture, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

describe('the audit trail is append-only at the database', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    await launchPlan(ctx, (await createPlan(ctx)).id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const count = async () => Number((await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events`)).rows[0].n);

  it('has rows to protect', async () => {
    expect(await count()).toBeGreaterThan(0);
  });

  it('refuses UPDATE', async () => {
    await expect(ctx.db.query(`UPDATE audit_events SET comment = 'sửa lén'`)).rejects.toThrow(/append-only|permission|denied|refused/i);
    expect((await ctx.db.query(`SELECT 1 FROM audit_events WHERE comment = 'sửa lén'`)).rows).toEqual([]);
  });

  const ids = async () => (await ctx.db.query<{ id: string }>(`SELECT id::text AS id FROM audit_events`)).rows.map((r) => r.id);

  it('refuses DELETE and TRUNCATE', async () => {
    // Every row there before is there after. (Not a count: the worker may append meanwhile, e.g. the
    // escalations of this plan's long-past 2019 deadlines.)
    const before = await ids();
    await expect(ctx.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only|permission|denied|refused/i);
    // (a superuser's TRUNCATE meets the seals' foreign key first)
    await expect(ctx.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only|permission|denied|refused|foreign key/i);
    expect(await ids()).toEqual(expect.arrayContaining(before));
  });

  it('still accepts new events from the engine', async () => {
    const before = await count();
    await launchPlan(ctx, (await createPlan(ctx)).id);
    expect(await count()).toBeGreaterThan(before);
  });
});
