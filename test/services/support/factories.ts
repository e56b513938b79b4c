import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor, NewPlan } from '@app/core';
import { DecisionApplier, PlanLauncher, PlansService, ReportsService, SubmissionService, TasksService } from '@app/core';
import { OrgUnitEntity, PlanEntity, RoleAssignmentEntity, UserEntity } from '@app/dal';
import type { OutlineSection, Role, UnitKind } from '@app/domain';
import type { Services } from './services';

/**
 * Rows a service test needs, written straight into its schema: each case makes its own world with
 * fresh codes and usernames, so cases share nothing and any one of them runs alone (`-t`).
 */
export interface Person extends Actor {
  email: string;
  fullName: string;
}

export interface World {
  /** Bloc (the plan's root) → upper → two cells; the plan's reports are those of upper and the cells. */
  units: { bloc: OrgUnitEntity; upper: OrgUnitEntity; cellA: OrgUnitEntity; cellB: OrgUnitEntity };
  people: {
    admin: Person;
    consolidator: Person;
    blocReviewer: Person;
    upperDrafter: Person;
    upperApprover: Person;
    upperReviewer: Person;
    drafterA: Person;
    approverA: Person;
    drafterB: Person;
    approverB: Person;
  };
  tag: string;
}

export async function makeWorld(db: DataSource): Promise<World> {
  const tag = randomBytes(3).toString('hex');
  const bloc = await makeUnit(db, tag, 'bloc', null);
  const upper = await makeUnit(db, tag, 'upper', bloc);
  const cellA = await makeUnit(db, tag, 'cell', upper, 'A');
  const cellB = await makeUnit(db, tag, 'cell', upper, 'B');
  const person = (name: string, roles: [OrgUnitEntity | null, Role][]) => makePerson(db, `${name}.${tag}`, roles);
  return {
    tag,
    units: { bloc, upper, cellA, cellB },
    people: {
      admin: await person('admin', [[null, 'admin']]),
      consolidator: await person('consolidator', [[bloc, 'consolidator']]),
      blocReviewer: await person('bloc-reviewer', [[bloc, 'reviewer']]),
      upperDrafter: await person('upper-drafter', [[upper, 'drafter']]),
      upperApprover: await person('upper-approver', [[upper, 'approver']]),
      upperReviewer: await person('upper-reviewer', [[upper, 'reviewer']]),
      drafterA: await person('drafter-a', [[cellA, 'drafter']]),
      approverA: await person('approver-a', [[cellA, 'approver']]),
      drafterB: await person('drafter-b', [[cellB, 'drafter']]),
      approverB: await person('approver-b', [[cellB, 'approver']]),
    },
  };
}

export async function makeUnit(db: DataSource, tag: string, kind: UnitKind, parent: OrgUnitEntity | null, name = ''): Promise<OrgUnitEntity> {
  const units = db.getRepository(OrgUnitEntity);
  const unit = await units.save(
    units.create({
      code: `${kind.toUpperCase()}${name}-${tag}`,
      name: `Đảng bộ ${kind} ${name} ${tag}`.replace(/\s+/g, ' '),
      kind,
      parentId: parent?.id ?? null,
      ancestorIds: [],
      depth: parent ? parent.depth + 1 : 0,
      place: 'Hà Nội',
    }),
  );
  unit.ancestorIds = [...(parent?.ancestorIds ?? []), unit.id];
  await units.update(unit.id, { ancestorIds: unit.ancestorIds });
  return unit;
}

/** A person holding `roles` (a null unit is the administrator's, held everywhere); no password, none is needed below HTTP. */
export async function makePerson(db: DataSource, username: string, roles: [OrgUnitEntity | null, Role][]): Promise<Person> {
  const users = db.getRepository(UserEntity);
  const fullName = `Người ${username}`;
  const email = `${username}@example.vn`;
  const user = await users.save(users.create({ username, fullName, email, passwordHash: '!' }));
  const assignments = db.getRepository(RoleAssignmentEntity);
  for (const [unit, role] of roles) await assignments.save(assignments.create({ userId: user.id, unitId: unit?.id ?? null, role }));
  return { id: user.id, username, fullName, email };
}

const DAY = 86_400_000;

/** An instant `days` after the clock's now, as the deadlines of a plan are written. */
export function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString();
}

/** The plan's deadlines, all ahead of `now`: cells first, then the upper unit, then the bloc's consolidation. */
export function deadlinesFrom(now: Date): NewPlan['deadlines'] {
  return {
    cell: { drafting: daysFrom(now, 10), cell_approval: daysFrom(now, 15), committee_review: daysFrom(now, 20) },
    upper: { drafting: daysFrom(now, 25), cell_approval: daysFrom(now, 30), committee_review: daysFrom(now, 35) },
    bloc: { consolidation: daysFrom(now, 45) },
  };
}

/**
 * A short outline (one required text, one optional item of three parts) and no figures: a report is
 * complete once its context is written, so a case can submit it in one step.
 */
export const SHORT_OUTLINE: OutlineSection[] = [
  { key: 'context', title: 'Đặc điểm tình hình', required: true, takes: ['text'] },
  { key: 'political', title: 'Xây dựng Đảng về chính trị', required: false, takes: ['strengths', 'limitations', 'causes'] },
];

export function newPlan(world: World, now: Date, overrides: Partial<NewPlan> = {}): NewPlan {
  return {
    code: `${world.tag.toUpperCase()}-KH/ĐUK`,
    title: `Kế hoạch tổng kết ${world.tag}`,
    issuedOn: '2030-02-20',
    term: '2015-2020',
    basis: [{ code: '48-CV/TBĐLĐ' }],
    rootUnit: world.units.bloc.code,
    deadlines: deadlinesFrom(now),
    reminders: { before: ['P7D', 'P2D', 'PT0S'], escalateAfter: 'P1D' },
    outline: SHORT_OUTLINE,
    indicators: [],
    confirmDeadlines: true,
    ...overrides,
  };
}

/** A plan created and launched through the services (the launch applied here, as the worker's job does). */
export async function launchedPlan(services: Services, world: World, overrides: Partial<NewPlan> = {}): Promise<PlanEntity> {
  const plans = services.get(PlansService);
  const plan = await plans.create(newPlan(world, services.clock.now(), overrides), world.people.admin);
  await plans.requestLaunch(plan.id, world.people.admin);
  await services.get(PlanLauncher).launch(plan.id);
  return plans.get(plan.id);
}

export interface ReportRowOf {
  id: string;
  stage: string;
  round: number;
  due_at: Date | null;
}

export async function reportOf(db: DataSource, planId: string, unit: OrgUnitEntity): Promise<ReportRowOf> {
  const [row] = await db.query(`SELECT id, stage, round, due_at FROM reports WHERE plan_id = $1 AND unit_id = $2`, [planId, unit.id]);
  if (!row) throw new Error(`no report of ${unit.code} in plan ${planId}`);
  return row as ReportRowOf;
}

/** The drafter writes the required context and submits; the worker's step (applying the submission) is run here. */
export async function submitDraft(services: Services, reportId: string, drafter: Person): Promise<void> {
  await services.get(ReportsService).updateSection(reportId, 'context', { text: 'Tình hình chung của đơn vị.' }, drafter);
  const { taskId } = await services.get(SubmissionService).submit(reportId, drafter);
  await services.get(DecisionApplier).apply(taskId);
}

/** `person` decides their open task on the report, and the decision is applied as the worker does. */
export async function decide(services: Services, reportId: string, person: Person, decision: 'approve' | 'return' = 'approve'): Promise<void> {
  const tasks = services.get(TasksService);
  const task = (await tasks.listMine(person.id, 'open')).find((t) => t.reportId === reportId);
  if (!task) throw new Error(`${person.username} holds no open task on report ${reportId}`);
  await tasks.complete(task.id, person, decision, decision === 'return' ? 'Đề nghị bổ sung phần đặc điểm tình hình.' : undefined);
  await services.get(DecisionApplier).apply(task.id);
}

/** A cell's report through drafting, the cell's approval and the upper unit's review: done. */
export async function approveCellReport(services: Services, world: World, planId: string, cell: 'A' | 'B'): Promise<string> {
  const unit = cell === 'A' ? world.units.cellA : world.units.cellB;
  const { drafter, approver } =
    cell === 'A' ? { drafter: world.people.drafterA, approver: world.people.approverA } : { drafter: world.people.drafterB, approver: world.people.approverB };
  const report = await reportOf(services.db, planId, unit);
  await submitDraft(services, report.id, drafter);
  await decide(services, report.id, approver);
  await decide(services, report.id, world.people.upperReviewer);
  return report.id;
}
