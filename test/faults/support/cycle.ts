import { Client, pool } from './client';
import { sleep, waitFor } from '../../kit';
import { Engine } from './engine';

type Role = 'drafter' | 'approver' | 'reviewer' | 'consolidator' | 'admin';
interface Unit {
  code: string;
  name: string;
  kind: 'bloc' | 'upper' | 'grassroots' | 'cell';
  parent: string | null;
}
interface User {
  username: string;
  fullName: string;
  email: string;
  password: string;
  roles: { unit: string; role: Role }[];
}

export interface Org {
  units: Unit[];
  users: User[];
  /** unit code → role → usernames */
  holders: Map<string, Map<Role, string[]>>;
  parent: Map<string, string>;
  /** Units whose cell_approval is decided by 50 approvers at once. */
  racing: string[];
}

export const PASSWORD = 'tongket-2019';
export const ROOT_UNIT = 'FB';
export const ROOT_REVIEWERS = ['fb.rev1', 'fb.rev2'];
export const CONSOLIDATOR = 'fb.lan';
export const EXPECTED_TRANSITIONS = ['drafting→cell_approval', 'cell_approval→committee_review', 'committee_review→consolidation', 'consolidation→done'];

/**
 * A bloc (FB), `uppers` upper units, `cellsPerUpper` cells under each: uppers × (cellsPerUpper + 1)
 * reports. Per unit one drafter and one approver (two on every third unit); a reviewer per upper
 * unit and two at the bloc; one consolidator. `racing` cells of the first upper unit get 50 shared approvers instead.
 */
export function generateOrg({ uppers = 4, cellsPerUpper = 124, racing = 0 } = {}): Org {
  const units: Unit[] = [{ code: ROOT_UNIT, name: 'Đảng bộ Khối thử lỗi', kind: 'bloc', parent: null }];
  const users: User[] = [];
  const holders = new Map<string, Map<Role, string[]>>();
  const parent = new Map<string, string>();
  const user = (username: string, roles: { unit: string; role: Role }[]) => {
    users.push({ username, fullName: `Đồng chí ${username}`, email: `${username}@example.vn`, password: PASSWORD, roles });
    for (const r of roles) {
      if (!holders.has(r.unit)) holders.set(r.unit, new Map());
      const m = holders.get(r.unit)!;
      m.set(r.role, [...(m.get(r.role) ?? []), username]);
    }
  };
  user('admin', [{ unit: ROOT_UNIT, role: 'admin' }]);
  user(CONSOLIDATOR, [{ unit: ROOT_UNIT, role: 'consolidator' }]);
  for (const r of ROOT_REVIEWERS) user(r, [{ unit: ROOT_UNIT, role: 'reviewer' }]);
  const racingUnits: string[] = [];
  let n = 0;
  const staff = (code: string) => {
    const u = code.toLowerCase();
    user(`${u}.d`, [{ unit: code, role: 'drafter' }]);
    if (racingUnits.includes(code)) return;
    user(`${u}.a1`, [{ unit: code, role: 'approver' }]);
    if (n++ % 3 === 0) user(`${u}.a2`, [{ unit: code, role: 'approver' }]);
  };
  for (let i = 1; i <= uppers; i += 1) {
    const up = `U${i}`;
    units.push({ code: up, name: `Đảng bộ cấp trên ${i}`, kind: 'upper', parent: ROOT_UNIT });
    parent.set(up, ROOT_UNIT);
    user(`${up.toLowerCase()}.rev`, [{ unit: up, role: 'reviewer' }]);
    for (let c = 1; c <= cellsPerUpper; c += 1) {
      const code = `${up}-C${String(c).padStart(3, '0')}`;
      units.push({ code, name: `Chi bộ ${i}.${c}`, kind: 'cell', parent: up });
      parent.set(code, up);
      if (i === 1 && c <= racing) racingUnits.push(code);
    }
  }
  for (const u of units.slice(1)) staff(u.code);
  for (let k = 1; k <= 50 && racingUnits.length; k += 1) {
    user(
      `race.a${String(k).padStart(2, '0')}`,
      racingUnits.map((unit) => ({ unit, role: 'approver' as const })),
    );
  }
  return { units, users, holders, parent, racing: racingUnits };
}

export const holdersOf = (org: Org, unit: string, role: Role): string[] => org.holders.get(unit)?.get(role) ?? [];

export interface CycleResult {
  planId: string;
  reportIds: string[];
  timings: Record<string, number>;
}

export interface OutlineItem {
  key: string;
  takes: string[];
}
const FIVE_PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'];

/** A drafter's texts for one item: each text it takes (one text, or its parts), naming the unit. */
export function draftBody(item: OutlineItem, unit: string): Record<string, string> {
  return Object.fromEntries(item.takes.map((part) => [part, `Phần ${part} của ${unit} ở mục ${item.key}.`]));
}

const inAYear = (days: number) => new Date(Date.now() + (365 + days) * 86_400_000).toISOString();

export class CycleDriver {
  readonly client: Client;
  /** The plan's outline items and the texts each takes (the earlier outline's items take the five parts). */
  outline: OutlineItem[] = [];
  readonly raceOutcomes: Record<string, number[]> = {};
  private imported = false;

  constructor(
    readonly engine: Engine,
    readonly org: Org,
    readonly concurrency = 20,
  ) {
    this.client = new Client(engine.baseUrl, PASSWORD);
  }

  /** A large import is a worker's job: 201 when applied in time, else 202 and its status URL until it is. */
  async importOrg(): Promise<void> {
    if (this.imported) return;
    const { units, users } = this.org;
    const answer = await this.client.expect('admin', 'POST', '/api/org/import', { units, users }, [201, 202]);
    if (answer.status === 201) {
      this.imported = true;
      return;
    }
    const url = answer.body.statusUrl as string;
    await this.waitFor(
      async () => {
        const status = (await this.client.expect('admin', 'GET', url, undefined, [200])).body as { status: string; error?: string };
        if (status.status === 'failed') throw new Error(`the org import failed: ${status.error}`);
        return status.status === 'done' ? true : undefined;
      },
      300_000,
      'the org import applied',
      500,
    );
    this.imported = true;
  }

  async createAndLaunch(): Promise<{ planId: string; reports: { id: string; unitCode: string }[] }> {
    const deadlines = {
      cell: { drafting: inAYear(0), cell_approval: inAYear(10), committee_review: inAYear(20) },
      upper: { drafting: inAYear(30), cell_approval: inAYear(40), committee_review: inAYear(50) },
      bloc: { consolidation: inAYear(80) },
    };
    const plan = {
      code: `F${this.engine.suffix.toUpperCase()}-KH/ĐUK`,
      title: 'Kế hoạch tổng kết (thử lỗi)',
      issuedOn: new Date().toISOString().slice(0, 10),
      term: '2015-2020',
      basis: [],
      rootUnit: ROOT_UNIT,
      deadlines,
      reminders: { before: ['P7D', 'P2D', 'PT0S'], escalateAfter: 'P1D' },
    };
    const created = await this.client.expect('admin', 'POST', '/api/plans', plan, [201]);
    const planId = created.body.id as string;
    this.outline = (created.body.outline as { key: string; takes?: string[] }[]).map((s) => ({ key: s.key, takes: s.takes?.length ? s.takes : FIVE_PARTS }));
    await this.client.expect('admin', 'POST', `/api/plans/${planId}/launch`, undefined, [202]);
    await this.waitFor(async () => (await this.client.as('admin', 'GET', `/api/plans/${planId}`)).body?.status === 'launched', 180_000, 'plan launched');
    const reports = (await this.client.expect('admin', 'GET', `/api/reports?planId=${planId}`, undefined, [200])).body as { id: string; unitCode: string }[];
    return { planId, reports };
  }

  /** The kit's bounded poll, at the pace a loaded engine of real processes wants. */
  async waitFor<T>(probe: () => Promise<T | undefined | false | null>, timeoutMs: number, what: string, intervalMs = 250): Promise<T> {
    return waitFor(probe, { timeoutMs, what, intervalMs });
  }

  async stageOf(reportId: string): Promise<string> {
    return (await this.client.expect('admin', 'GET', `/api/reports/${reportId}`, undefined, [200])).body.stage;
  }

  async waitStage(reportId: string, stage: string): Promise<void> {
    await this.waitFor(async () => (await this.stageOf(reportId)) === stage, 240_000, `report ${reportId} in ${stage}`, 300);
  }

  /** The user's open task on the report in the stage, or undefined once the stage has moved on. */
  async findTask(username: string, reportId: string, stage: string): Promise<string | undefined> {
    return this.waitFor(
      async () => {
        const tasks = (await this.client.expect(username, 'GET', '/api/tasks?state=open', undefined, [200])).body as {
          id: string;
          reportId: string | null;
          stage: string;
        }[];
        const t = tasks.find((x) => x.reportId === reportId && x.stage === stage);
        if (t) return { id: t.id };
        if ((await this.stageOf(reportId)) !== stage) return { id: undefined };
        return undefined;
      },
      240_000,
      `open ${stage} task of ${username} on ${reportId}`,
      300,
    ).then((x) => x.id);
  }

  /** 202, or 409 when the task is no longer open (a retried request that had already gone through, or the stage resolved). */
  async complete(username: string, taskId: string): Promise<number> {
    return (await this.client.expect(username, 'POST', `/api/tasks/${taskId}/complete`, { decision: 'approve' }, [202, 409])).status;
  }

  async driveReport(report: { id: string; unitCode: string }): Promise<void> {
    const unit = report.unitCode;
    const drafter = holdersOf(this.org, unit, 'drafter')[0];
    if ((await this.stageOf(report.id)) === 'drafting') {
      for (const item of this.outline) {
        const res = await this.client.expect(drafter, 'PUT', `/api/reports/${report.id}/sections/${item.key}`, draftBody(item, unit), [200, 409]);
        if (res.status === 409) break; // already submitted by a retried request
      }
      await this.client.expect(drafter, 'POST', `/api/reports/${report.id}/submit`, undefined, [202, 409]);
    }
    await this.waitStage(report.id, 'cell_approval');
    const approvers = holdersOf(this.org, unit, 'approver');
    if (this.org.racing.includes(unit)) {
      // Every approver finds their task first, then all complete at the same moment.
      const ids = await Promise.all(approvers.map((u) => this.findTask(u, report.id, 'cell_approval')));
      const statuses = await Promise.all(approvers.map((u, i) => (ids[i] ? this.complete(u, ids[i]!) : Promise.resolve(0))));
      this.raceOutcomes[unit] = statuses;
    } else {
      for (const u of approvers) {
        const id = await this.findTask(u, report.id, 'cell_approval');
        if (id) await this.complete(u, id);
      }
    }
    await this.waitStage(report.id, 'committee_review');
    const reviewer = holdersOf(this.org, this.org.parent.get(unit)!, 'reviewer')[0];
    const rid = await this.findTask(reviewer, report.id, 'committee_review');
    if (rid) await this.complete(reviewer, rid);
    await this.waitStage(report.id, 'consolidation');
  }

  async planTask(username: string, planId: string, stage: string): Promise<string> {
    return this.waitFor(
      async () => {
        const tasks = (await this.client.expect(username, 'GET', '/api/tasks?state=open', undefined, [200])).body as {
          id: string;
          planId: string;
          reportId: string | null;
          stage: string;
        }[];
        return tasks.find((t) => t.planId === planId && t.reportId === null && t.stage === stage)?.id;
      },
      240_000,
      `${stage} task of ${username} on plan ${planId}`,
      500,
    );
  }

  /** The whole cycle of one plan, start to `completed` (the org loaded first unless it was already). */
  async run(): Promise<CycleResult> {
    const t0 = Date.now();
    const timings: Record<string, number> = {};
    const mark = (what: string) => {
      timings[what] = Date.now() - t0;
    };
    await this.importOrg();
    mark('imported');
    const { planId, reports } = await this.createAndLaunch();
    mark('launched');
    // Sign everyone in first (argon2 is slow on purpose), a few at a time.
    await pool(
      this.org.users.map((u) => u.username),
      8,
      async (u) => {
        await this.client.token(u);
      },
    );
    mark('signed in');
    await pool(reports, this.concurrency, (r) => this.driveReport(r));
    mark('all at consolidation');
    const cid = await this.planTask(CONSOLIDATOR, planId, 'consolidation');
    await this.complete(CONSOLIDATOR, cid);
    await this.waitFor(
      async () => {
        const rows = await this.engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE plan_id = $1 AND stage <> 'done'`, [planId]);
        return rows[0].n === 0;
      },
      300_000,
      'every report done',
      1_000,
    );
    mark('all done');
    for (const r of ROOT_REVIEWERS) {
      const tasks = (await this.client.expect(r, 'GET', '/api/tasks?state=open', undefined, [200])).body as {
        id: string;
        planId: string;
        reportId: string | null;
        stage: string;
      }[];
      let id = tasks.find((t) => t.planId === planId && t.reportId === null && t.stage === 'root_approval')?.id;
      if (!id) {
        const status = (await this.client.expect('admin', 'GET', `/api/plans/${planId}`, undefined, [200])).body.status;
        if (status === 'completed') break;
        id = await this.planTask(r, planId, 'root_approval');
      }
      await this.complete(r, id);
    }
    await this.waitFor(
      async () => (await this.engine.query<{ status: string }>(`SELECT status FROM plans WHERE id = $1`, [planId]))[0]?.status === 'completed',
      300_000,
      'plan completed',
      1_000,
    );
    mark('completed');
    return { planId, reportIds: reports.map((r) => r.id), timings };
  }
}

/** The invariants after a run: answers a list of problems (empty when all hold). */
export async function invariants(engine: Engine, planId: string, expectedReports: number): Promise<string[]> {
  const problems: string[] = [];
  const q = <T = Record<string, any>>(sql: string, p: unknown[] = []) => engine.query<T>(sql, p);
  const [plan] = await q(`SELECT status FROM plans WHERE id = $1`, [planId]);
  if (plan?.status !== 'completed') problems.push(`plan status ${plan?.status}`);
  const stages = await q(`SELECT stage, count(*)::int AS n FROM reports WHERE plan_id = $1 GROUP BY stage`, [planId]);
  const done = stages.find((s) => s.stage === 'done')?.n ?? 0;
  if (done !== expectedReports || stages.length !== 1) problems.push(`report stages ${JSON.stringify(stages)} (expected ${expectedReports} done)`);
  const transitions = await q(
    `SELECT r.id, r.unit_id, coalesce(array_agg(e.from_stage || '→' || e.to_stage ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL), '{}') AS t
       FROM reports r LEFT JOIN audit_events e ON e.report_id = r.id AND e.action = 'transition'
      WHERE r.plan_id = $1 GROUP BY r.id, r.unit_id`,
    [planId],
  );
  const wrong = transitions.filter((r) => JSON.stringify(r.t) !== JSON.stringify(EXPECTED_TRANSITIONS));
  if (wrong.length) problems.push(`${wrong.length} reports with transitions other than exactly the 4 expected, e.g. ${JSON.stringify(wrong.slice(0, 3))}`);
  const dupTasks = await q(
    `SELECT report_id, stage, round, assignee_id, count(*)::int AS n FROM tasks
      WHERE plan_id = $1 AND delegated_from IS NULL AND state <> 'cancelled'
      GROUP BY report_id, plan_id, stage, round, assignee_id HAVING count(*) > 1`,
    [planId],
  );
  if (dupTasks.length) problems.push(`${dupTasks.length} duplicate live tasks, e.g. ${JSON.stringify(dupTasks.slice(0, 3))}`);
  const dupNotes = await q(
    `SELECT task_id, kind, CASE WHEN kind = 'reminder' THEN split_part(dedup_key, ':', 3) ELSE user_id::text END AS k, count(*)::int AS n
       FROM notifications WHERE task_id IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1`,
  );
  if (dupNotes.length) problems.push(`${dupNotes.length} duplicate notifications, e.g. ${JSON.stringify(dupNotes.slice(0, 3))}`);
  const dupKeys = await q(`SELECT dedup_key FROM notifications GROUP BY 1 HAVING count(*) > 1`);
  if (dupKeys.length) problems.push(`duplicate dedup keys ${JSON.stringify(dupKeys.slice(0, 3))}`);
  const [unapplied] = await q(`SELECT count(*)::int AS n FROM tasks WHERE state = 'completed' AND applied_at IS NULL`);
  if (unapplied.n) problems.push(`${unapplied.n} completed tasks never applied`);
  const [stillOpen] = await q(`SELECT count(*)::int AS n FROM tasks WHERE plan_id = $1 AND state = 'open'`, [planId]);
  if (stillOpen.n) problems.push(`${stillOpen.n} tasks still open after completion`);
  // The relay runs every second: give the outbox a bounded while to drain.
  const deadline = Date.now() + 30_000;
  let pending: number;
  do {
    pending = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`))[0].n;
    if (!pending) break;
    await sleep(500);
  } while (Date.now() < deadline);
  if (pending) problems.push(`${pending} outbox rows never relayed`);
  return problems;
}
