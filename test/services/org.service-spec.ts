import { AccessService, OrgService, UsersService } from '@app/core';
import { auditOf } from './support/audit';
import { launchedPlan, makeWorld, reportOf, submitDraft } from './support/factories';
import { Services, startServices, stopServices } from './support/services';

describe('OrgService, AccessService and UsersService', () => {
  let services: Services;

  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => stopServices(services));

  it("answers a unit with its children's ids, and NOT_FOUND for an unknown one", async () => {
    const world = await makeWorld(services.db);
    const org = services.get(OrgService);

    const upper = await org.getUnit(world.units.upper.id);

    expect(upper).toMatchObject({ code: world.units.upper.code, parentId: world.units.bloc.id, depth: 1 });
    expect(upper.children.sort()).toEqual([world.units.cellA.id, world.units.cellB.id].sort());
    expect((await org.findUnitByCode(world.units.cellA.code))?.id).toBe(world.units.cellA.id);
    await expect(org.getUnit('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a person see the units they hold a role on and those below, not their siblings or above', async () => {
    const world = await makeWorld(services.db);
    const access = services.get(AccessService);
    const { drafterA, upperReviewer, admin } = world.people;

    expect(await access.canSeeUnit(drafterA.id, world.units.cellA.id)).toBe(true);
    expect(await access.canSeeUnit(drafterA.id, world.units.cellB.id)).toBe(false);
    expect(await access.canSeeUnit(drafterA.id, world.units.upper.id)).toBe(false);
    expect(await access.canSeeUnit(upperReviewer.id, world.units.cellB.id)).toBe(true);
    expect(await access.canSeeUnit(admin.id, world.units.cellB.id)).toBe(true);
    await expect(access.assertCanSeeUnit(drafterA.id, world.units.cellB.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('tells an administrator from everybody else', async () => {
    const world = await makeWorld(services.db);
    const access = services.get(AccessService);

    expect(await access.isAdmin(world.people.admin.id)).toBe(true);
    expect(await access.isAdmin(world.people.blocReviewer.id)).toBe(false);
    await expect(access.assertAdmin(world.people.consolidator.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("replaces a person's roles and audits the lists before and after", async () => {
    const world = await makeWorld(services.db);
    const users = services.get(UsersService);
    const { drafterB, admin } = world.people;

    const after = await users.replaceRoles(drafterB.username, [{ unit: world.units.cellA.code, role: 'drafter' }], admin);

    expect(after.roles).toEqual([{ unitId: world.units.cellA.id, unitCode: world.units.cellA.code, role: 'drafter' }]);
    const [event] = (await auditOf(services.db, {}, 'roles.change')).filter((e) => e.data?.username === drafterB.username);
    expect(event).toMatchObject({
      actor_id: admin.id,
      data: { before: [{ unit: world.units.cellB.code, role: 'drafter' }], after: [{ unit: world.units.cellA.code, role: 'drafter' }], changes: 2 },
    });
  });

  it('gives a new approver a task on the report already waiting for the approvers of that unit', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);
    await submitDraft(services, report.id, world.people.drafterA);
    const { approverB, admin } = world.people;

    const after = await services.get(UsersService).replaceRoles(
      approverB.username,
      [
        { unit: world.units.cellB.code, role: 'approver' },
        { unit: world.units.cellA.code, role: 'approver' },
      ],
      admin,
    );

    expect(after.tasksCreated).toBe(1);
    const tasks = await services.db.query(`SELECT stage FROM tasks WHERE report_id = $1 AND assignee_id = $2 AND state = 'open'`, [report.id, approverB.id]);
    expect(tasks).toEqual([{ stage: 'cell_approval' }]);
  });

  it('answers NOT_FOUND for an unknown username', async () => {
    await expect(services.get(UsersService).get('nobody-by-that-name')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
