import { expectStatus, session } from './support/api';
import { collections, consolidated, hanoiIn, inPool, notificationsOf, waitForCollected } from './support/consolidation';
import { consolidationTree, GeneratedTree } from './support/consolidation-tree';
import { completeTask, createPlan, events, getPlan, getReport, importOrg, launchPlan, listReports, sectionText, tasksOf } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { figuresOf, sum } from './support/plan-tasks';
import { Part, PARTS, PlanDto, ReportDto } from './support/types';
import { holdsFor, waitFor } from './kit/poll';
import { expectedSynthesis } from './support/level-report';

const OUTLINE = [
  { key: 'political', title: 'Xây dựng Đảng về chính trị', required: true },
  { key: 'organisation', title: 'Xây dựng tổ chức, nâng cao chất lượng chi bộ', required: true },
  { key: 'inspection', title: 'Công tác kiểm tra, giám sát và kỷ luật đảng', required: false },
];

interface ProgressNode {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: string;
  stage: string | null;
  overdue: boolean;
  children: ProgressNode[];
}

interface LevelProgress {
  total: number;
  byStage: Record<string, number>;
  byLevel: Record<string, Record<string, number>>;
  overdue: number;
  overdueUnits: { unitId: string; unitCode: string; unitName: string; kind: string; reportId: string; stage: string; dueAt: string | null }[];
  units: { unitCode: string; reportId: string; stage: string; overdue: boolean }[];
  tree: ProgressNode;
}

/**
 * A generated tree of 273 reporting units (consolidation-tree.ts) with consolidateAt
 * ['upper','grassroots']: cells → their grassroots committee → its upper committee → the Bloc. Each
 * intermediate committee's report starts pre-filled from its units once all of them are approved,
 * its drafter can still edit it, and every level sums what its group carries. Also the progress
 * view of such a plan: counts per level, the overdue list, the unit tree.
 */
describe('consolidation at every level of a generated tree', () => {
  let ctx: E2eContext;
  let tree: GeneratedTree;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  const kinds = (kind: string) => tree.units.filter((u) => u.kind === kind && u.parent !== null).map((u) => u.code);
  let cells: string[];
  let groups: string[];
  let uppers: string[];
  const figures = new Map<string, Record<string, number>>();
  /** The committees whose report the Bloc gathers directly. */
  const ROOT_GROUP = ['TK-C1', 'TK-G9', 'TK-U1', 'TK-U2', 'TK-U3', 'TK-U4'];
  const OWN_TEXT = 'Đảng ủy Cục đã tự đánh giá: lãnh đạo toàn diện, không để xảy ra vi phạm.';
  const EDITED = 'Bài học (bổ sung sau khi tổng hợp): giữ vững nguyên tắc tập trung dân chủ.';
  const HELD_BACK = 'TK-U3-G4-C020';
  const byCode = (a: string, b: string) => a.localeCompare(b);

  const membersOf = (unit: string): string[] => {
    if (unit === tree.root) return ROOT_GROUP;
    return (tree.children.get(unit) ?? []).slice().sort(byCode);
  };
  const cellText = (cell: string, key: string, part: Part): string | undefined =>
    key === 'inspection' && cells.indexOf(cell) % 3 !== 0 ? undefined : sectionText(cell, key, part);
  const reportOf = (code: string) => reports.get(code)!.id;
  const admin = () => session(ctx, 'admin');
  const progress = async (): Promise<LevelProgress> => expectStatus(await (await admin()).get(`/api/plans/${plan.id}/progress`), 200).body as LevelProgress;

  /** Puts the given parts (only those) and figures, then submits. */
  const draftAndSubmit = async (unit: string, text: (key: string, part: Part) => string | undefined, indicators?: Record<string, number>, submit = true) => {
    const drafter = await session(ctx, tree.drafter.get(unit)!);
    for (const { key } of OUTLINE) {
      const body = Object.fromEntries(PARTS.map((p) => [p, text(key, p)]).filter(([, t]) => t !== undefined));
      if (Object.keys(body).length) expectStatus(await drafter.put(`/api/reports/${reportOf(unit)}/sections/${key}`).send(body), 200, `${unit} ${key}`);
    }
    if (indicators) expectStatus(await drafter.put(`/api/reports/${reportOf(unit)}/indicators`).send(indicators), 200, `${unit} indicators`);
    if (submit) expectStatus(await drafter.post(`/api/reports/${reportOf(unit)}/submit`), 202, `${unit} submit`);
  };

  /** Each user approves, in the stage, every report of the listed units that is theirs to decide. */
  const approveAll = async (stage: string, units: string[], holder: (unit: string) => string) => {
    const byUser = new Map<string, string[]>();
    for (const unit of units) byUser.set(holder(unit), [...(byUser.get(holder(unit)) ?? []), reportOf(unit)]);
    await inPool([...byUser], 8, async ([username, ids]) => {
      const user = await session(ctx, username);
      const tasks = await waitFor(
        async () => {
          const open = (await tasksOf(user)).filter((t) => t.stage === stage && ids.includes(t.reportId!));
          return open.length === ids.length ? open : undefined;
        },
        { timeoutMs: 20_000, what: `${ids.length} open ${stage} tasks of ${username}` },
      );
      await inPool(tasks, 4, async (t) => expectStatus(await completeTask(user, t.id, 'approve'), 202, `${username} approves ${t.unitCode} at ${stage}`));
    });
  };

  const waitForStages = async (units: string[], stage: string, timeoutMs = 30_000) => {
    const ids = new Set(units.map(reportOf));
    let seen = 0;
    await waitFor(
      async () => {
        const list = expectStatus(await (await admin()).get(`/api/reports?planId=${plan.id}&stage=${stage}`), 200).body as ReportDto[];
        seen = list.filter((r) => ids.has(r.id)).length;
        return seen === ids.size;
      },
      { timeoutMs, what: `${ids.size} reports in ${stage} (seen ${seen})` },
    ).catch((e: Error) => {
      throw new Error(`${e.message}; seen ${seen}`);
    });
  };

  const indicatorsNow = async (): Promise<Map<string, Record<string, number>>> =>
    new Map((await listReports(ctx, plan.id)).map((r) => [r.unitCode, r.indicators ?? {}]));

  /** What a consolidating unit's part should read: each member's text, in the tree's order, cited by the member's name, one paragraph group each. */
  const expectedPrefill = (members: string[], textOf: (member: string) => string | undefined): string =>
    expectedSynthesis(
      members
        .slice()
        .sort(byCode)
        .map((m) => ({ name: nameOf(m), text: textOf(m) })),
    );
  const nameOf = (code: string) => tree.units.find((u) => u.code === code)!.name;

  beforeAll(async () => {
    ctx = await startE2e();
    tree = consolidationTree(20);
    await importOrg(ctx, { units: tree.units, users: tree.users });
    cells = kinds('cell').sort(byCode);
    groups = kinds('grassroots').sort(byCode);
    uppers = kinds('upper').sort(byCode);
    cells.forEach((c, i) => figures.set(c, figuresOf(i)));
    figures.set('TK-U4', { ...figuresOf(1000), members_admitted: 41 });
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('launches over 273 units: one collection per consolidating unit (the Bloc, its three upper committees with units, thirteen grassroots committees)', async () => {
    expect(tree.units).toHaveLength(274);
    const ahead = hanoiIn(5 * 86_400_000);
    const dates = { drafting: ahead, cell_approval: ahead, committee_review: ahead };
    plan = await createPlan(ctx, {
      rootUnit: 'TK',
      outline: OUTLINE,
      deadlines: {
        cell: dates,
        grassroots: dates,
        // Upper committees are already late with their drafts: the overdue list shows them.
        upper: { drafting: hanoiIn(-3_600_000), cell_approval: ahead, committee_review: ahead },
        bloc: { consolidation: hanoiIn(10 * 86_400_000) },
      },
      reminders: { before: ['P1D'] },
      consolidateAt: ['upper', 'grassroots'],
    } as Record<string, unknown>);
    await launchPlan(ctx, plan.id);
    reports = new Map((await listReports(ctx, plan.id)).map((r) => [r.unitCode, r]));
    expect(reports.size).toBe(273);

    const rows = await waitFor(
      async () => {
        const found = await collections(ctx, plan.id);
        return found.size > 0 ? found : undefined;
      },
      { what: 'collection rows' },
    );
    // TK-U4 has nothing below it, so it does not consolidate; cells never do.
    expect([...rows.keys()].sort(byCode)).toEqual(['TK', 'TK-U1', 'TK-U2', 'TK-U3', ...groups].sort(byCode));
    expect([...rows.values()].every((r) => r.status === 'collecting')).toBe(true);

    const res = await (await admin()).get(`/api/plans/${plan.id}/consolidated?unit=TK-U4`);
    expect(res.status).toBe(422);
    expect((await (await admin()).get(`/api/plans/${plan.id}/consolidated?unit=TK-U1-G1-C001`)).status).toBe(422);
    const g = await consolidated(ctx, plan.id, 'TK-U1-G1');
    expect(g.included).toEqual([]);
    expect(g.missing).toEqual(membersOf('TK-U1-G1'));
    const root = await consolidated(ctx, plan.id);
    expect(root.unitCode).toBe('TK');
    expect([...root.missing].sort(byCode)).toEqual(ROOT_GROUP);
  });

  it('progress: counts per stage and per level, the overdue upper committees, and the whole tree under the plan’s root', async () => {
    const p = await progress();
    expect(p.total).toBe(273);
    expect(p.byStage).toEqual({ drafting: 273 });
    expect(p.byLevel).toEqual({ cell: { drafting: 256 }, grassroots: { drafting: 13 }, upper: { drafting: 4 } });
    expect(p.overdueUnits.map((u) => u.unitCode).sort(byCode)).toEqual(uppers);
    expect(p.overdue).toBe(4);
    for (const u of p.overdueUnits) expect(u).toMatchObject({ kind: 'upper', stage: 'drafting', reportId: reportOf(u.unitCode) });
    expectTreeShape(p.tree, () => 'drafting');
    expect(p.tree.children.find((c) => c.unitCode === 'TK-U2')!.overdue).toBe(true);
    expect(p.tree.children.find((c) => c.unitCode === 'TK-G9')!.overdue).toBe(false);
  });

  it('every cell is drafted, figures entered and submitted; TK-U2-G1’s drafter writes a part and a figure of its own meanwhile', async () => {
    await inPool(cells, 16, (cell) => draftAndSubmit(cell, (key, part) => cellText(cell, key, part), figures.get(cell)));
    await draftAndSubmit('TK-U2-G1', (key, part) => (key === 'political' && part === 'strengths' ? OWN_TEXT : undefined), { members_disciplined: 7 }, false);
    await waitForStages(cells, 'cell_approval');
    await approveAll('cell_approval', cells, (c) => tree.approver.get(c)!);
    await waitForStages(cells, 'committee_review');
    const p = await progress();
    expect(p.byLevel).toEqual({ cell: { committee_review: 256 }, grassroots: { drafting: 13 }, upper: { drafting: 4 } });
  });

  it('a grassroots committee collects only when ALL its cells are approved: TK-U3-G4 waits for its last one, untouched', async () => {
    const reviewerOf = (c: string) => tree.reviewer.get(tree.parent.get(c)!)!;
    await approveAll(
      'committee_review',
      cells.filter((c) => c !== HELD_BACK),
      reviewerOf,
    );
    const others = groups.filter((g) => g !== 'TK-U3-G4');
    // One at a time: the file's single database client takes one query at a time.
    for (const g of others) await waitForCollected(ctx, plan.id, g, 30_000);
    await holdsFor(async () => (await collections(ctx, plan.id)).get('TK-U3-G4')!.status === 'collecting', { forMs: 500, what: 'TK-U3-G4 still collecting' });
    const g4 = await getReport(ctx, reportOf('TK-U3-G4'));
    expect(g4.sections.every((s) => PARTS.every((p) => !s[p]))).toBe(true);
    expect(g4.indicators ?? {}).toEqual({});
    expect((await events(ctx, g4.id)).filter((e) => e.action === 'prefill')).toEqual([]);
    // Its report cannot go up without what it consolidates: 422 naming the one cell it waits for.
    const early = await (await session(ctx, tree.drafter.get('TK-U3-G4')!)).post(`/api/reports/${g4.id}/submit`);
    expect({ status: early.status, waitingFor: early.body.waitingFor, count: early.body.waitingForCount }).toEqual({
      status: 422,
      waitingFor: [HELD_BACK],
      count: 1,
    });

    await approveAll('committee_review', [HELD_BACK], reviewerOf);
    await waitForCollected(ctx, plan.id, 'TK-U3-G4');
    const rows = await collections(ctx, plan.id);
    for (const g of groups) expect({ g, status: rows.get(g)!.status, missing: rows.get(g)!.missing }).toEqual({ g, status: 'collected', missing: [] });
    // The Bloc and the upper committees still wait for their committees' reports.
    for (const unit of ['TK', 'TK-U1', 'TK-U2', 'TK-U3']) expect({ unit, status: rows.get(unit)!.status }).toEqual({ unit, status: 'collecting' });
  });

  it('each grassroots committee’s report is pre-filled: every empty part with its cells’ texts cited by name, every figure not entered with their sum', async () => {
    const problems: string[] = [];
    for (const g of groups) {
      // Pre-filled in the collection's own transaction: collected means filled.
      const report = await getReport(ctx, reportOf(g));
      expect(report.stage).toBe('drafting');
      const members = membersOf(g);
      for (const section of report.sections) {
        for (const part of PARTS) {
          const want =
            g === 'TK-U2-G1' && section.key === 'political' && part === 'strengths'
              ? OWN_TEXT
              : expectedPrefill(members, (m) => cellText(m, section.key, part));
          if (section[part] !== want)
            problems.push(`${g} ${section.key}.${part}: ${JSON.stringify(section[part])?.slice(0, 200)} ≠ ${JSON.stringify(want).slice(0, 200)}`);
        }
      }
      const sums = sum(members.map((m) => figures.get(m)!));
      const want = g === 'TK-U2-G1' ? { ...sums, members_disciplined: 7 } : sums;
      expect({ g, indicators: report.indicators }).toEqual({ g, indicators: want });
      figures.set(g, want);
      const prefill = (await events(ctx, report.id)).filter((e) => e.action === 'prefill');
      expect({ g, prefill: prefill.map((e) => [e.actor, e.fromStage]) }).toEqual({ g, prefill: [['system', 'drafting']] });
      // The consolidated view of the committee says the same.
      const c = await consolidated(ctx, plan.id, g);
      expect({ g, included: [...c.included].sort(), missing: c.missing, indicators: c.indicators }).toEqual({
        g,
        included: members.map(reportOf).sort(),
        missing: [],
        indicators: sums,
      });
      expect((await collections(ctx, plan.id)).get(g)!.indicators).toEqual(sums);
    }
    expect(problems).toEqual([]);
  });

  it('the drafter can still edit the pre-filled report, then submits it; it goes up like any other', async () => {
    const drafter = await session(ctx, tree.drafter.get('TK-U1-G1')!);
    expectStatus(await drafter.put(`/api/reports/${reportOf('TK-U1-G1')}/sections/organisation`).send({ lessons: EDITED }), 200, 'edit after pre-fill');
    expectStatus(await drafter.put(`/api/reports/${reportOf('TK-U1-G1')}/indicators`).send({ lecturers: 99 }), 200, 'figure after pre-fill');
    figures.set('TK-U1-G1', { ...figures.get('TK-U1-G1')!, lecturers: 99 });
    const edited = await getReport(ctx, reportOf('TK-U1-G1'));
    const organisation = edited.sections.find((s) => s.key === 'organisation')!;
    expect(organisation.lessons).toBe(EDITED);
    expect(organisation.strengths).toBe(expectedPrefill(membersOf('TK-U1-G1'), (m) => cellText(m, 'organisation', 'strengths')));
    expect(edited.indicators.lecturers).toBe(99);

    await inPool(groups, 8, (g) => draftAndSubmit(g, () => undefined, undefined, true));
    await waitForStages(groups, 'cell_approval');
    await approveAll('cell_approval', groups, (g) => tree.approver.get(g)!);
    await waitForStages(groups, 'committee_review');
    await approveAll('committee_review', groups, (g) => tree.reviewer.get(tree.parent.get(g)!)!);
    await waitForStages(groups, 'consolidation');
  });

  it('each upper committee’s report is pre-filled from its committees’ (already consolidated) reports and its own cells; figures are their sums', async () => {
    for (const u of ['TK-U1', 'TK-U2', 'TK-U3']) await waitForCollected(ctx, plan.id, u, 30_000);
    const current = await indicatorsNow();
    const problems: string[] = [];
    for (const upper of ['TK-U1', 'TK-U2', 'TK-U3']) {
      const members = membersOf(upper);
      const memberReports = new Map(await Promise.all(members.map(async (m) => [m, await getReport(ctx, reportOf(m))] as const)));
      const report = await waitFor(
        async () => {
          const r = await getReport(ctx, reportOf(upper));
          return (r.sections[0].strengths ?? '') !== '' ? r : undefined;
        },
        { what: `${upper} pre-filled` },
      );
      for (const section of report.sections) {
        for (const part of PARTS) {
          const want = expectedPrefill(members, (m) => memberReports.get(m)!.sections.find((s) => s.key === section.key)![part] ?? undefined);
          if (section[part] !== want)
            problems.push(`${upper} ${section.key}.${part}: ${JSON.stringify(section[part])?.slice(0, 160)} ≠ ${JSON.stringify(want).slice(0, 160)}`);
        }
      }
      // Sums of what the members carry now, and, independently, of the figures entered below.
      const sums = sum(members.map((m) => current.get(m)!));
      expect({ upper, indicators: report.indicators }).toEqual({ upper, indicators: sums });
      expect({ upper, indicators: report.indicators }).toEqual({ upper, indicators: sum(members.map((m) => figures.get(m)!)) });
      figures.set(upper, sums);
      const c = await consolidated(ctx, plan.id, upper);
      expect({ upper, missing: c.missing, included: c.included.length, indicators: c.indicators }).toEqual({
        upper,
        missing: [],
        included: members.length,
        indicators: sums,
      });
    }
    expect(problems).toEqual([]);
    // TK-U1-G1's edit reached its upper committee's draft under its name.
    const u1 = await getReport(ctx, reportOf('TK-U1'));
    expect(u1.sections.find((s) => s.key === 'organisation')!.lessons).toContain(`${nameOf('TK-U1-G1')}: ${EDITED}`);
    expect(u1.sections.find((s) => s.key === 'organisation')!.lessons).toContain(
      `${nameOf('TK-U1-C001')}: ${sectionText('TK-U1-C001', 'organisation', 'lessons')}`,
    );
    // Nothing has reached the Bloc's collection yet but TK-C1 and TK-G9.
    expect((await collections(ctx, plan.id)).get('TK')!.status).toBe('collecting');
  });

  it('the upper committees report; the Bloc collects; its sums equal every figure entered, each counted once', async () => {
    await draftAndSubmit('TK-U4', (key, part) => sectionText('TK-U4', key, part), figures.get('TK-U4'));
    await inPool(['TK-U1', 'TK-U2', 'TK-U3'], 3, (u) => draftAndSubmit(u, () => undefined, undefined, true));
    await waitForStages(uppers, 'cell_approval');
    await approveAll('cell_approval', uppers, (u) => tree.approver.get(u)!);
    await waitForStages(uppers, 'committee_review');
    await approveAll('committee_review', uppers, () => 'tk.btv1');
    await waitForStages(uppers, 'consolidation');

    const row = await waitForCollected(ctx, plan.id, 'TK', 30_000);
    expect(row.status).toBe('collected');
    expect(row.missing).toEqual([]);
    expect([...row.included].sort()).toEqual(ROOT_GROUP.map(reportOf).sort());

    const current = await indicatorsNow();
    const expected = sum(ROOT_GROUP.map((m) => current.get(m)!));
    expect(row.indicators).toEqual(expected);
    // Independently: every cell's figures once, TK-U4's own, with the two figures committees set themselves.
    const leaves = sum([...cells.map((c) => figures.get(c)!), figures.get('TK-U4')!]);
    const u2g1Cells = sum(membersOf('TK-U2-G1').map((c) => figures.get(c)!));
    const u1g1Cells = sum(membersOf('TK-U1-G1').map((c) => figures.get(c)!));
    const bySetting = {
      ...leaves,
      members_disciplined: leaves.members_disciplined - u2g1Cells.members_disciplined + 7,
      lecturers: leaves.lecturers - u1g1Cells.lecturers + 99,
    };
    expect(expected).toEqual(bySetting);

    const c = await consolidated(ctx, plan.id);
    expect(c.indicators).toEqual(expected);
    expect(c.missing).toEqual([]);
    for (const section of c.sections) {
      for (const part of PARTS)
        expect({ key: section.key, part, units: section.parts[part].map((t) => t.unitCode).sort(byCode) }).toEqual({
          key: section.key,
          part,
          units: ROOT_GROUP,
        });
    }
    const u3 = await getReport(ctx, reportOf('TK-U3'));
    expect(c.sections[0].parts.strengths.find((t) => t.unitCode === 'TK-U3')!.text).toBe(u3.sections[0].strengths);
    expect(c.completeness.summary).toMatchObject({ units: 6, included: 6, missing: 0, late: 4, onTime: 2 });

    const tgv = await session(ctx, 'tk.tgv');
    const notices = await waitFor(
      async () => {
        const found = await notificationsOf(tgv, 'consolidation');
        return found.length ? found : undefined;
      },
      { what: 'tk.tgv told' },
    );
    expect(notices.map((n) => n.title)).toEqual([`Đã đủ báo cáo để tổng hợp – ${plan.code}`]);
  });

  it('progress then: every level waiting at consolidation, nothing overdue, the tree showing each unit’s stage', async () => {
    const p = await progress();
    expect(p.byStage).toEqual({ consolidation: 273 });
    expect(p.byLevel).toEqual({ cell: { consolidation: 256 }, grassroots: { consolidation: 13 }, upper: { consolidation: 4 } });
    expect(p.overdueUnits).toEqual([]);
    expectTreeShape(p.tree, () => 'consolidation');
  });

  it('the working group consolidates, and two of the three Standing Committee members (a majority) complete the plan', async () => {
    const tgv = await session(ctx, 'tk.tgv');
    const task = await waitFor(async () => (await tasksOf(tgv)).find((t) => t.stage === 'consolidation' && t.reportId === null), {
      what: 'consolidation task of tk.tgv',
    });
    expectStatus(await completeTask(tgv, task.id, 'approve'), 202);
    await waitForStages([...reports.keys()], 'done');
    const members = await Promise.all(['tk.btv1', 'tk.btv2', 'tk.btv3'].map((u) => session(ctx, u)));
    const rootTask = async (i: number) =>
      waitFor(async () => (await tasksOf(members[i])).find((t) => t.stage === 'root_approval'), { what: `root approval task of ${members[i].username}` });
    const first = await rootTask(0);
    const third = await rootTask(2);
    expectStatus(await completeTask(members[0], first.id, 'approve'), 202);
    await waitFor(async () => (await tasksOf(members[0])).length === 0, { what: 'first approval applied' });
    await holdsFor(async () => (await getPlan(ctx, plan.id)).status === 'launched', { forMs: 300, what: 'one of three is not a majority' });
    expectStatus(await completeTask(members[1], (await rootTask(1)).id, 'approve'), 202);
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });
    expect((await collections(ctx, plan.id)).get('TK')!.status).toBe('approved');
    await waitFor(async () => (await tasksOf(members[2], 'cancelled')).some((t) => t.id === third.id), { what: 'third member’s task cancelled' });
    const p = await progress();
    expect(p.byLevel).toEqual({ cell: { done: 256 }, grassroots: { done: 13 }, upper: { done: 4 } });
  });

  it('a plan rooted below the top (TK-U1, an upper committee): the tree and the default consolidation are TK-U1’s', async () => {
    const ahead = hanoiIn(5 * 86_400_000);
    const sub = await createPlan(ctx, {
      rootUnit: 'TK-U1',
      outline: OUTLINE,
      consolidateAt: ['grassroots'],
      reminders: { before: ['P1D'] },
      deadlines: { cell: { drafting: ahead }, grassroots: { drafting: ahead }, upper: { consolidation: hanoiIn(86_400_000) } },
    } as Record<string, unknown>);
    await launchPlan(ctx, sub.id);
    const p = expectStatus(await (await admin()).get(`/api/plans/${sub.id}/progress`), 200).body as LevelProgress;
    expect(p.total).toBe(89);
    expect(p.byLevel).toEqual({ cell: { drafting: 85 }, grassroots: { drafting: 4 } });
    expect(p.tree).toMatchObject({ unitCode: 'TK-U1', kind: 'upper', stage: null });
    expect(p.tree.children.map((c) => c.unitCode).sort(byCode)).toEqual(membersOf('TK-U1'));
    const count = (n: ProgressNode): number => 1 + n.children.reduce((a, c) => a + count(c), 0);
    expect(count(p.tree)).toBe(90);
    const c = await consolidated(ctx, sub.id);
    expect(c.unitCode).toBe('TK-U1');
    expect([...c.missing].sort(byCode)).toEqual(membersOf('TK-U1'));
    const rows = await waitFor(
      async () => {
        const found = await collections(ctx, sub.id);
        return found.size > 0 ? found : undefined;
      },
      { what: 'collections of the sub-plan' },
    );
    expect([...rows.keys()].sort(byCode)).toEqual(['TK-U1', 'TK-U1-G1', 'TK-U1-G2', 'TK-U1-G3', 'TK-U1-G4']);
    // The root's kind (upper) gives its cut-off.
    expect(rows.get('TK-U1')!.cut_off_at).not.toBeNull();
  });

  /** Every reporting unit appears once, under its own parent, with its kind, name and stage; the root has no stage. */
  function expectTreeShape(root: ProgressNode, stageOf: (code: string) => string): void {
    expect(root).toMatchObject({ unitCode: 'TK', kind: 'bloc', stage: null });
    const seen = new Map<string, number>();
    const problems: string[] = [];
    const walk = (node: ProgressNode, parent: string | null) => {
      seen.set(node.unitCode, (seen.get(node.unitCode) ?? 0) + 1);
      if ((tree.parent.get(node.unitCode) ?? null) !== parent)
        problems.push(`${node.unitCode} under ${parent}, expected under ${tree.parent.get(node.unitCode)}`);
      if (node.kind !== tree.kind.get(node.unitCode)) problems.push(`${node.unitCode} kind ${node.kind}`);
      if (node.unitCode !== 'TK') {
        if (node.stage !== stageOf(node.unitCode)) problems.push(`${node.unitCode} stage ${node.stage}`);
        if (node.unitId !== reports.get(node.unitCode)!.unitId) problems.push(`${node.unitCode} unitId`);
        if (node.unitName !== tree.units.find((u) => u.code === node.unitCode)!.name) problems.push(`${node.unitCode} name ${node.unitName}`);
      }
      const childCodes = node.children.map((c) => c.unitCode);
      const want = (tree.children.get(node.unitCode) ?? []).slice().sort(byCode);
      if (JSON.stringify([...childCodes].sort(byCode)) !== JSON.stringify(want))
        problems.push(`${node.unitCode} children ${childCodes.length} ≠ ${want.length}`);
      for (const child of node.children) walk(child, node.unitCode);
    };
    walk(root, null);
    expect(problems).toEqual([]);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(seen.size).toBe(274);
  }
});
