import { randomUUID } from 'node:crypto';
import { expectStatus, session } from './support/api';
import { createPlan, importFixture, importOrg, launchPlan } from './support/factories';
import { FIXTURE_PASSWORD, E2eContext, startE2e, stopE2e } from './support/harness';

interface ProgressAnswer {
  total: number;
  byStage: Record<string, number>;
  overdue: number;
  units: { unitCode: string }[];
  overdueUnits: { unitCode: string }[];
  planStages: unknown[];
  collections: { unitCode: string }[];
  tree: { unitCode: string; children: { unitCode: string }[] };
  scope: { whole: boolean; units: { unitCode: string }[] };
}

/**
 * Any signed-in user read every plan and its whole progress, other trees' included. Now a plan is
 * seen by administrators, by the people of its root or above (all of it), and by the people of
 * units inside its tree (the units at or below theirs); anyone else gets 403, as for a report.
 */
describe('who sees which plan, and how much of its progress', () => {
  let ctx: E2eContext;
  let planA: string;
  let planKbnn: string;
  let planOther: string;
  const KBNN_UNITS = ['KBNN', 'KBNN-KT', 'KBNN-TT', 'KBNN-VP'];
  const ALL_UNITS = ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI', 'HLHPN', 'HLHPN-TC', 'HLHPN-TG', ...KBNN_UNITS];

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    await importOrg(ctx, {
      units: [
        { code: 'KHOI-KHAC', name: 'Đảng bộ Khối khác', kind: 'bloc', parent: null },
        { code: 'KHAC-CB', name: 'Chi bộ của Khối khác', kind: 'cell', parent: 'KHOI-KHAC' },
      ],
      users: [
        {
          username: 'khac.bithu',
          fullName: 'Đinh Văn Khác',
          email: 'khac@example.vn',
          password: FIXTURE_PASSWORD,
          roles: [
            { unit: 'KHAC-CB', role: 'drafter' },
            { unit: 'KHOI-KHAC', role: 'reviewer' },
          ],
        },
        { username: 'khong.vaitro', fullName: 'Lã Thị Không', email: 'khong@example.vn', password: FIXTURE_PASSWORD, roles: [] },
      ],
    });
    // consolidateAt upper: KBNN collects its cells, so a collection lies inside KBNN's subtree and one (the root's) outside it.
    planA = (await createPlan(ctx, { consolidateAt: ['upper'] } as never)).id;
    planKbnn = (await createPlan(ctx, { rootUnit: 'KBNN', deadlines: { cell: { drafting: '2019-07-10T17:00:00+07:00' } } })).id;
    planOther = (await createPlan(ctx, { rootUnit: 'KHOI-KHAC', deadlines: { cell: { drafting: '2019-07-10T17:00:00+07:00' } } })).id;
    await launchPlan(ctx, planA);
    await launchPlan(ctx, planOther);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const as = async (username: string) => session(ctx, username);
  const planIds = async (username: string) =>
    (expectStatus(await (await as(username)).get('/api/plans'), 200).body as { id: string }[]).map((p) => p.id).sort();
  const progress = async (username: string, planId = planA) =>
    expectStatus(await (await as(username)).get(`/api/plans/${planId}/progress`), 200, username).body as ProgressAnswer;
  const codes = (list: { unitCode: string }[]) => list.map((u) => u.unitCode).sort();

  it('GET /api/plans lists only the plans the caller has a part in', async () => {
    expect(await planIds('admin')).toEqual([planA, planKbnn, planOther].sort());
    expect(await planIds('khong.vaitro')).toEqual([]);
    expect(await planIds('khac.bithu')).toEqual([planOther]);
    // Inside KBNN: both the Bloc's plan and KBNN's own.
    expect(await planIds('kbnn-kt.soanthao')).toEqual([planA, planKbnn].sort());
    // Above KBNN (the Bloc's reviewers) see KBNN's plan too; a unit beside it (BVNN) does not.
    expect(await planIds('btv.hung')).toEqual([planA, planKbnn].sort());
    expect(await planIds('bvnn.bithu')).toEqual([planA]);
  });

  it('GET /api/plans/:id and its progress: 403 for a plan of another tree or without any role, 404 for an unknown id', async () => {
    for (const username of ['khong.vaitro', 'khac.bithu']) {
      const user = await as(username);
      for (const path of [`/api/plans/${planA}`, `/api/plans/${planA}/progress`]) {
        expect(expectStatus(await user.get(path), 403, `${username} ${path}`).body).toMatchObject({ statusCode: 403 });
      }
    }
    expectStatus(await (await as('bvnn.bithu')).get(`/api/plans/${planKbnn}`), 403);
    expectStatus(await (await as('kbnn-kt.soanthao')).get(`/api/plans/${planOther}/progress`), 403);
    expectStatus(await (await as('khong.vaitro')).get(`/api/plans/${randomUUID()}`), 404);
    expectStatus(await (await as('kbnn-kt.soanthao')).get(`/api/plans/${planA}`), 200);
  });

  it('the people of the root (or an administrator) see every unit, the plan-level stages and every collection', async () => {
    for (const username of ['tgv.lan', 'admin']) {
      const all = await progress(username);
      expect(codes(all.units)).toEqual(ALL_UNITS);
      expect(all.total).toBe(ALL_UNITS.length);
      expect(all.scope).toEqual({ whole: true, units: [] });
      expect(all.planStages.length).toBeGreaterThan(0);
      expect(codes(all.collections)).toEqual(['DUK', 'HLHPN', 'KBNN']);
    }
  });

  it('a cell’s drafter sees their cell alone, counted alone', async () => {
    const mine = await progress('kbnn-kt.soanthao');
    expect(codes(mine.units)).toEqual(['KBNN-KT']);
    expect(mine).toMatchObject({ total: 1, byStage: { drafting: 1 }, overdue: 1, planStages: [], collections: [] });
    expect(codes(mine.overdueUnits)).toEqual(['KBNN-KT']);
    expect(mine.scope).toMatchObject({ whole: false, units: [{ unitCode: 'KBNN-KT' }] });
    expect(mine.tree.children.map((c) => c.unitCode)).toEqual(['KBNN-KT']);
  });

  it('an upper committee’s people see their committee and its cells, and their own collection', async () => {
    const kbnn = await progress('kbnn.bithu');
    expect(codes(kbnn.units)).toEqual(KBNN_UNITS);
    expect(kbnn).toMatchObject({ total: 4, byStage: { drafting: 4 }, overdue: 4 });
    expect(codes(kbnn.collections)).toEqual(['KBNN']);
    expect(kbnn.scope.units.map((u) => u.unitCode)).toEqual(['KBNN']);
  });

  it('the Bloc’s reviewers see the whole of a plan rooted below them', async () => {
    expect((await progress('btv.hung', planKbnn)).scope.whole).toBe(true);
  });
});
