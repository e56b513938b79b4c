import { WorkflowsService } from '@app/core';
import { DEFAULT_WORKFLOW, StageDefinition } from '@app/domain';
import { auditOf } from './support/audit';
import { launchedPlan, makeUnit, makeWorld, reportOf } from './support/factories';
import { Services, startServices, stopServices } from './support/services';

describe('WorkflowsService and the entry into a stage', () => {
  let services: Services;
  let workflows: WorkflowsService;
  const withDrafting = (dueAfter: string): StageDefinition[] => DEFAULT_WORKFLOW.stages.map((s) => (s.key === 'drafting' ? { ...s, dueAfter } : s));

  beforeAll(async () => {
    services = await startServices();
    workflows = services.get(WorkflowsService);
  });
  afterAll(() => stopServices(services));

  it('has the default workflow stored as version 1 once the module starts', async () => {
    const stored = await workflows.get(DEFAULT_WORKFLOW.key, 1);

    expect(stored.stages.map((s) => s.key)).toEqual(['drafting', 'cell_approval', 'committee_review', 'consolidation']);
  });

  it('numbers the versions of a key one after another, keeps the older ones, and audits before and after', async () => {
    const world = await makeWorld(services.db);
    const key = `wf-${world.tag}`;

    const first = await workflows.createVersion(key, withDrafting('P5D'), world.people.admin);
    const second = await workflows.createVersion(key, withDrafting('P9D'), world.people.admin);

    expect([first.version, second.version]).toEqual([1, 2]);
    expect((await workflows.get(key)).version).toBe(2);
    expect((await workflows.get(key, 1)).stages[0].dueAfter).toBe('P5D');
    expect((await workflows.listVersions(key)).map((v) => v.version)).toEqual([2, 1]);
    const events = (await auditOf(services.db, {}, 'workflow.version')).filter((e) => e.data?.key === key);
    expect(events.map((e) => [(e.data?.before as { version: number } | null)?.version ?? null, (e.data?.after as { version: number }).version])).toEqual([
      [null, 1],
      [1, 2],
    ]);
  });

  it('refuses an unsound definition with RULE_REFUSED listing the problems, and stores nothing', async () => {
    const world = await makeWorld(services.db);
    const key = `bad-${world.tag}`;
    const unsound = withDrafting('ten days');

    await expect(workflows.createVersion(key, unsound, world.people.admin)).rejects.toMatchObject({
      code: 'RULE_REFUSED',
      details: { problems: [expect.stringContaining('dueAfter')] },
    });
    await expect(workflows.listVersions(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives each task of a stage to every holder of its role at the scope unit', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);

    const upper = await reportOf(services.db, plan.id, world.units.upper);
    const holders = await services.db.query(`SELECT assignee_id FROM tasks WHERE report_id = $1 AND state = 'open'`, [upper.id]);
    expect(holders).toEqual([{ assignee_id: world.people.upperDrafter.id }]);
  });

  it('flags and audits a report whose stage has nobody to take it, instead of letting it wait silently', async () => {
    const world = await makeWorld(services.db);
    const empty = await makeUnit(services.db, world.tag, 'cell', world.units.upper, 'C');

    const plan = await launchedPlan(services, world);

    const report = await reportOf(services.db, plan.id, empty);
    const [{ unassigned }] = await services.db.query(`SELECT unassigned FROM reports WHERE id = $1`, [report.id]);
    expect(unassigned).toBe(true);
    expect(await services.db.query(`SELECT id FROM tasks WHERE report_id = $1`, [report.id])).toEqual([]);
    expect(await auditOf(services.db, { reportId: report.id }, 'stage_unassigned')).toHaveLength(1);
  });
});
