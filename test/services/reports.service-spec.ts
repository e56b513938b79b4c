import { ReportsService, SubmissionService } from '@app/core';
import { DomainError } from '@app/domain';
import { auditOf } from './support/audit';
import { launchedPlan, makeWorld, reportOf } from './support/factories';
import { Services, startServices, stopServices } from './support/services';

describe('ReportsService', () => {
  let services: Services;
  let reports: ReportsService;

  beforeAll(async () => {
    services = await startServices();
    reports = services.get(ReportsService);
  });
  afterAll(() => stopServices(services));

  it("saves a section for the unit's drafter and records who changed which part", async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);

    const view = await reports.updateSection(report.id, 'context', { text: 'Chi bộ có 12 đảng viên.' }, world.people.drafterA);

    expect(view.sections.find((s) => s.key === 'context')).toMatchObject({ text: 'Chi bộ có 12 đảng viên.' });
    const [event] = await auditOf(services.db, { reportId: report.id }, 'edit_section');
    expect(event).toMatchObject({ actor: world.people.drafterA.username, actor_id: world.people.drafterA.id, from_stage: 'drafting' });
    expect(event.data).toEqual({ section: 'context', parts: ['text'] });
  });

  it('keeps the parts a later save leaves out', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);

    await reports.updateSection(report.id, 'political', { strengths: 'Ưu điểm', causes: 'Nguyên nhân' }, world.people.drafterA);
    const view = await reports.updateSection(report.id, 'political', { strengths: 'Ưu điểm đã sửa' }, world.people.drafterA);

    expect(view.sections.find((s) => s.key === 'political')).toMatchObject({ strengths: 'Ưu điểm đã sửa', limitations: '', causes: 'Nguyên nhân' });
  });

  it('refuses a drafter of another unit with FORBIDDEN, changes nothing and audits nothing', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);

    const refusal = reports.updateSection(report.id, 'context', { text: 'Không phải đơn vị mình' }, world.people.drafterB);

    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await reports.load(report.id)).sections).toEqual({});
    expect(await auditOf(services.db, { reportId: report.id }, 'edit_section')).toEqual([]);
  });

  it('refuses a part the outline item does not take with INVALID', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);

    await expect(reports.updateSection(report.id, 'context', { strengths: 'Không có phần này' }, world.people.drafterA)).rejects.toMatchObject({
      code: 'INVALID',
    });
    await expect(reports.updateSection(report.id, 'no-such-item', { text: 'x' }, world.people.drafterA)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses edits once the draft is submitted, with CONFLICT', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);
    await reports.updateSection(report.id, 'context', { text: 'Đủ để gửi.' }, world.people.drafterA);
    await services.get(SubmissionService).submit(report.id, world.people.drafterA);

    await expect(reports.updateSection(report.id, 'context', { text: 'Sửa sau khi gửi' }, world.people.drafterA)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/submitted/),
    });
  });

  it('lists to a cell drafter only the report of the cell, to the bloc reviewer every report of the plan', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);

    const mine = await reports.list(world.people.drafterA.id, { planId: plan.id });
    const below = await reports.list(world.people.blocReviewer.id, { planId: plan.id });

    expect(mine.map((r) => r.unitCode)).toEqual([world.units.cellA.code]);
    expect(below.map((r) => r.unitCode).sort()).toEqual([world.units.cellA.code, world.units.cellB.code, world.units.upper.code].sort());
    await expect(reports.get((await reportOf(services.db, plan.id, world.units.cellB)).id, world.people.drafterA.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
