import { expectStatus, session } from './support/api';
import { createPlan, importFixture } from './support/factories';
import { loadFixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/** A deadline edit is audited with what it replaced, not only the new values: who moved which date from when to when. */
describe('deadline edits in the audit trail: before and after', () => {
  let ctx: E2eContext;
  const original = loadFixture().plan.deadlines;
  const first = { ...original, cell: { ...original.cell, drafting: '2019-07-15T17:00:00+07:00' } };
  const second = { ...first, upper: { ...original.upper, drafting: '2019-08-20T17:00:00+07:00' }, bloc: { consolidation: '2019-10-05T17:00:00+07:00' } };

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('records the deadlines before the edit and after it, edit after edit', async () => {
    const admin = await session(ctx, 'admin');
    const plan = await createPlan(ctx);
    expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: first }), 200, 'first edit');
    expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: second }), 200, 'second edit');
    const events = expectStatus(await admin.get(`/api/audit/configuration?action=plan.deadlines&planId=${plan.id}`), 200).body as {
      actor: string;
      data: Record<string, unknown>;
    }[];
    const sameInstants = (deadlines: unknown) =>
      JSON.parse(JSON.stringify(deadlines), (_k, v) => (typeof v === 'string' && /T\d\d:/.test(v) ? Date.parse(v) : v));
    // Newest first.
    expect(events.map((e) => e.actor)).toEqual(['admin', 'admin']);
    expect(sameInstants(events[1].data.before)).toEqual(sameInstants(original));
    expect(sameInstants(events[1].data.after)).toEqual(sameInstants(first));
    expect(sameInstants(events[0].data.before)).toEqual(sameInstants(first));
    expect(sameInstants(events[0].data.after)).toEqual(sameInstants(second));
    expect(events[0].data.tasksMoved).toBe(0);
  });
});
