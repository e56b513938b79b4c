import { randomBytes } from 'node:crypto';
import { expectStatus, session, Session } from './api';
import { Fixture, FixturePlan, FixtureUnit, FixtureUser, loadFixture } from './fixture';
import { E2eContext } from './harness';
import { EventDto, PlanDto, ReportDto, TaskDto, TextPart } from './types';
import { waitFor } from '../kit/poll';

/** Imports the sample tree and its users through the API, as the admin. */
export async function importFixture(ctx: E2eContext, fixture: Fixture = loadFixture()): Promise<Fixture> {
  await importOrg(ctx, { units: fixture.units, users: fixture.users });
  return fixture;
}

export async function importOrg(ctx: E2eContext, data: { units: FixtureUnit[]; users: FixtureUser[] }): Promise<{ units: number; users: number }> {
  const admin = await session(ctx, 'admin');
  const res = expectStatus(await admin.post('/api/org/import').send(data), 201, 'org import');
  return res.body;
}

/**
 * The fixture's plan with a fresh code (plan codes are unique) unless the overrides name one. Its
 * deadlines are confirmed as given: the fixture's are historical (2019), and tests set near or
 * deliberately odd ones; test/plan-deadlines checks the refusals without it.
 */
export async function createPlan(ctx: E2eContext, overrides: Partial<FixturePlan> = {}): Promise<PlanDto> {
  const admin = await session(ctx, 'admin');
  const plan = { ...loadFixture().plan, code: `${randomBytes(3).toString('hex').toUpperCase()}-KH/ĐUK`, confirmDeadlines: true, ...overrides };
  const res = expectStatus(await admin.post('/api/plans').send(plan), 201, 'create plan');
  return res.body as PlanDto;
}

export async function getPlan(ctx: E2eContext, planId: string): Promise<PlanDto> {
  const admin = await session(ctx, 'admin');
  return expectStatus(await admin.get(`/api/plans/${planId}`), 200).body as PlanDto;
}

/** Launches and waits until the worker has created every report (plan status `launched`). */
export async function launchPlan(ctx: E2eContext, planId: string): Promise<unknown> {
  const admin = await session(ctx, 'admin');
  const res = expectStatus(await admin.post(`/api/plans/${planId}/launch`), 202, 'launch');
  await waitFor(async () => (await getPlan(ctx, planId)).status === 'launched', { timeoutMs: 15_000, what: `plan ${planId} launched` });
  return res.body;
}

export async function listReports(ctx: E2eContext, planId: string): Promise<ReportDto[]> {
  const admin = await session(ctx, 'admin');
  return expectStatus(await admin.get(`/api/reports?planId=${planId}`), 200).body as ReportDto[];
}

export async function reportsByUnit(ctx: E2eContext, planId: string): Promise<Map<string, ReportDto>> {
  return new Map((await listReports(ctx, planId)).map((r) => [r.unitCode, r]));
}

export async function getReport(ctx: E2eContext, reportId: string, as?: Session): Promise<ReportDto> {
  const who = as ?? (await session(ctx, 'admin'));
  return expectStatus(await who.get(`/api/reports/${reportId}`), 200).body as ReportDto;
}

export async function waitForStage(ctx: E2eContext, reportId: string, stage: string, timeoutMs = 10_000): Promise<ReportDto> {
  let last = '';
  return waitFor(
    async () => {
      const report = await getReport(ctx, reportId);
      last = report.stage;
      return report.stage === stage ? report : undefined;
    },
    { timeoutMs, what: `report ${reportId} in ${stage} (last seen: ${last || '?'})` },
  );
}

export async function events(ctx: E2eContext, reportId: string): Promise<EventDto[]> {
  const admin = await session(ctx, 'admin');
  return expectStatus(await admin.get(`/api/reports/${reportId}/events`), 200).body as EventDto[];
}

/** Vietnamese text of one part of one section, attributable to its unit. */
export function sectionText(unitCode: string, sectionKey: string, part: TextPart): string {
  const lead: Record<TextPart, string> = {
    text: 'Nội dung: đơn vị đã bám sát nhiệm vụ chính trị, đoàn kết, thống nhất trong nhiệm kỳ',
    strengths: 'Ưu điểm: cấp ủy đã cụ thể hóa kịp thời nghị quyết, đảng viên gương mẫu thực hiện',
    limitations: 'Tồn tại, hạn chế: việc sinh hoạt chuyên đề có lúc còn hình thức, chưa đều tay',
    causes: 'Nguyên nhân: một số đồng chí chưa dành thời gian nghiên cứu, quán triệt',
    lessons: 'Bài học kinh nghiệm: phát huy vai trò nêu gương của người đứng đầu',
    directions: 'Phương hướng nhiệm kỳ tiếp theo: nâng cao chất lượng sinh hoạt chi bộ',
  };
  return `${lead[part]} (${unitCode}, mục “${sectionKey}”).`;
}

/**
 * PUTs every item of the report's outline with each text it takes (one text, the three parts of an
 * area of the đề cương, or the five parts of the earlier outline); returns the outline keys.
 */
export async function fillReport(
  ctx: E2eContext,
  reportId: string,
  drafter: Session,
  text: (sectionKey: string, part: TextPart) => string | undefined = () => undefined,
): Promise<string[]> {
  const report = await getReport(ctx, reportId);
  for (const section of report.sections) {
    const body = Object.fromEntries(section.takes.map((part) => [part, text(section.key, part) ?? sectionText(report.unitCode, section.key, part)]));
    expectStatus(await drafter.put(`/api/reports/${reportId}/sections/${section.key}`).send(body), 200, `fill ${section.key}`);
  }
  return report.sections.map((s) => s.key);
}

export async function submitReport(reportId: string, drafter: Session): Promise<void> {
  expectStatus(await drafter.post(`/api/reports/${reportId}/submit`), 202, 'submit');
}

export async function tasksOf(user: Session, state: 'open' | 'completed' | 'cancelled' = 'open'): Promise<TaskDto[]> {
  return expectStatus(await user.get(`/api/tasks?state=${state}`), 200, `tasks of ${user.username}`).body as TaskDto[];
}

/** The user's open task on a report in a stage (waits briefly: tasks appear with the stage change). */
export async function openTask(user: Session, reportId: string | null, stage: string, timeoutMs = 5_000): Promise<TaskDto> {
  return waitFor(async () => (await tasksOf(user)).find((t) => t.reportId === reportId && t.stage === stage), {
    timeoutMs,
    what: `open ${stage} task of ${user.username} on ${reportId}`,
  });
}

export async function completeTask(user: Session, taskId: string, decision: 'approve' | 'return', comment?: string) {
  return user.post(`/api/tasks/${taskId}/complete`).send(comment === undefined ? { decision } : { decision, comment });
}

/** Opens the user's task on the report in that stage and approves it (expects 202). */
export async function approve(user: Session, reportId: string, stage: string): Promise<TaskDto> {
  const task = await openTask(user, reportId, stage);
  expectStatus(await completeTask(user, task.id, 'approve'), 202, `${user.username} approves ${stage}`);
  return task;
}
