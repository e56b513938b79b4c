import { Pool } from 'pg';
import { BlocClient } from './bloc-client';
import { GeneratedBloc, GenUnit } from './bloc-generate';
import { log } from './log';
import { sleep } from './poll';

/** The figures a drafter enters: the seven of the earlier plans, which every plan's appendix still has. */
import { INDICATOR_NAMES } from '../../libs/domain/src/indicators';

export const RETURN_REASON = 'Đề nghị bổ sung số liệu cụ thể về kết quả kiểm tra, giám sát trong nhiệm kỳ và làm rõ nguyên nhân của hạn chế.';

interface Report {
  id: string;
  unit: GenUnit;
  index: number;
  /** The stage at which this report is returned once (one report in ten), alternating between the two. */
  returnAt?: 'cell_approval' | 'committee_review';
  returned: boolean;
  stage: string;
  round: number;
}

type Intent =
  | { kind: 'draft'; report: Report; correction: boolean }
  | { kind: 'decide'; report: Report; stage: string; round: number; username: string; decision: 'approve' | 'return'; deciding: Deciding; attempts: number };

/** The decisions expected to resolve one stage round: the last 202 starts the clock of the bench-observed lag. */
interface Deciding {
  remaining: number;
  lastAt: number;
}

export interface DriveFigures {
  startedAt: number;
  /** When the bench saw the last report reach consolidation. */
  allAtConsolidationAt: number;
  reports: number;
  returned: number;
  intents: number;
  /** Inbox reads that did not yet hold the task (retried 100 ms later). */
  inboxMisses: number;
  /** 202 of the deciding request → the bench's poll saw the report move (every 25 ms, from PostgreSQL). */
  observedLagMs: number[];
  requests: number;
}

type Text = 'text' | 'strengths' | 'limitations' | 'causes' | 'lessons' | 'directions';
/** An item of the plan's outline: the đề cương's say which texts they take; the earlier outline's take the five parts. */
export interface OutlineItem {
  key: string;
  title: string;
  takes?: Text[];
}
const FIVE_PARTS: Text[] = ['strengths', 'limitations', 'causes', 'lessons', 'directions'];

const TEXTS = (unit: string, topic: string): Record<Text, string> => ({
  text: `${unit}: ${topic} được thực hiện nghiêm túc, đúng hướng dẫn của cấp trên, bám sát nhiệm vụ chính trị của đơn vị trong nhiệm kỳ.`,
  strengths: `${unit} đã lãnh đạo triển khai nghiêm túc ${topic}; cấp ủy kịp thời cụ thể hóa nghị quyết, chỉ thị của cấp trên phù hợp với nhiệm vụ chính trị của đơn vị.`,
  limitations: `Việc thực hiện ${topic} có lúc còn chậm; chất lượng sinh hoạt chưa đồng đều, việc sơ kết, rút kinh nghiệm chưa thường xuyên.`,
  causes: 'Khối lượng công việc chuyên môn lớn, nhiều cấp ủy viên kiêm nhiệm; công tác kiểm tra, đôn đốc có thời điểm chưa sát sao.',
  lessons: `Phát huy vai trò lãnh đạo của cấp ủy và trách nhiệm nêu gương của người đứng đầu trong ${topic}.`,
  directions: `Nhiệm kỳ tới tiếp tục đổi mới nội dung, phương thức ${topic}, nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng.`,
});

/** The outline of a plan's reports, as the drafters see it. */
export async function planOutline(pool: Pool, planId: string): Promise<OutlineItem[]> {
  const [{ outline }] = (await pool.query<{ outline: OutlineItem[] }>(`SELECT outline FROM plans WHERE id = $1`, [planId])).rows;
  return outline;
}

/** What the drafter sends for one item: each text it takes, and nothing it does not (refused with 400). */
export function sectionBody(item: OutlineItem, unit: string): Record<string, string> {
  const texts = TEXTS(unit, item.title.split(' (')[0].toLowerCase());
  return Object.fromEntries((item.takes?.length ? item.takes : FIVE_PARTS).map((part) => [part, texts[part]]));
}

/**
 * A drafter's turn: every item of the outline (a correction: one section), the figures (not on a
 * correction), then the submit; answers when the submit's 202 arrived.
 */
export async function writeAndSubmit(
  client: BlocClient,
  outline: OutlineItem[],
  report: { id: string; index: number; unit: GenUnit },
  drafter: string,
  correction = false,
): Promise<number> {
  const sections = correction ? outline.filter((s) => s.key === 'inspection') : outline;
  for (const s of sections) {
    await client.expect('PUT section', [200], 'PUT', `/api/reports/${report.id}/sections/${s.key}`, drafter, sectionBody(s, report.unit.name));
  }
  if (!correction) {
    const figuresOf = Object.fromEntries(INDICATOR_NAMES.map((name, i) => [name, ((report.index * 3 + i * 2) % 9) + (name === 'members_disciplined' ? 0 : 1)]));
    await client.expect('PUT indicators', [200], 'PUT', `/api/reports/${report.id}/indicators`, drafter, figuresOf);
  }
  const submitted = await client.expect('submit', [202], 'POST', `/api/reports/${report.id}/submit`, drafter);
  return submitted.at;
}

/**
 * Drives every report from drafting to consolidation over HTTP with `users` simulated people at
 * once (an async pool): the drafter writes every item of the plan's outline (the texts it takes)
 * and the figures, submits; two of the three approvers approve (majority); one reviewer of the parent approves (any). One report in
 * ten is returned once with a reason (half at cell approval, half at committee review), corrected and
 * resubmitted. A poll of PostgreSQL (one query every 25 ms over the reports awaiting a move) tells
 * the bench when a stage has moved, so people act on tasks that exist; decisions are served before
 * new drafts, as people answer their inbox first. With no think time (the default) the 100 users form a
 * closed loop that keeps 100 requests in flight: latencies then measure the queue as much as the work.
 */
export async function drive(
  client: BlocClient,
  pool: Pool,
  bloc: GeneratedBloc,
  planId: string,
  tokens: Map<string, string>,
  users: number,
  thinkMs = 0,
): Promise<DriveFigures> {
  const outline = await planOutline(pool, planId);
  const { rows } = await pool.query<{ id: string; code: string; stage: string; round: number }>(
    `SELECT r.id, u.code, r.stage, r.round FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1 ORDER BY u.code`,
    [planId],
  );
  const unitByCode = new Map(bloc.reporting.map((u) => [u.code, u]));
  const reports: Report[] = rows.map((r, index) => ({
    id: r.id,
    unit: unitByCode.get(r.code)!,
    index,
    stage: r.stage,
    round: r.round,
    returned: false,
    returnAt: index % 10 === 0 ? (index % 20 === 0 ? 'cell_approval' : 'committee_review') : undefined,
  }));
  const token = (username: string) => {
    const t = tokens.get(username);
    if (!t) throw new Error(`no session for ${username}`);
    return t;
  };

  const decisions: Intent[] = [];
  const drafts: Intent[] = reports.map((report) => ({ kind: 'draft', report, correction: false }));
  const watching = new Map<string, { report: Report; since: number }>();
  const figures: DriveFigures = {
    startedAt: Date.now(),
    allAtConsolidationAt: NaN,
    reports: reports.length,
    returned: 0,
    intents: 0,
    inboxMisses: 0,
    observedLagMs: [],
    requests: 0,
  };
  let atConsolidation = 0;
  let failure: Error | undefined;

  const watch = (report: Report, since: number) => watching.set(report.id, { report, since });

  /** The report has moved: whoever acts next gets their turn. */
  const onMoved = (report: Report) => {
    if (report.stage === 'consolidation') {
      atConsolidation++;
      return;
    }
    if (report.stage === 'drafting') {
      drafts.unshift({ kind: 'draft', report, correction: true });
      return;
    }
    const returning = report.returnAt === report.stage && !report.returned;
    const parent = report.unit.parent!;
    const people = report.stage === 'cell_approval' ? bloc.approvers(report.unit.code) : bloc.reviewers(parent);
    // Majority of three is two; "any" is one. A return is one person's decision.
    const deciders = returning ? [people[report.index % 3]] : report.stage === 'cell_approval' ? people.slice(0, 2) : [people[report.index % 3]];
    const deciding: Deciding = { remaining: deciders.length, lastAt: 0 };
    if (returning) {
      report.returned = true;
      figures.returned++;
    }
    for (const username of deciders) {
      decisions.push({
        kind: 'decide',
        report,
        stage: report.stage,
        round: report.round,
        username,
        decision: returning ? 'return' : 'approve',
        deciding,
        attempts: 0,
      });
    }
  };

  const act = async (intent: Intent) => {
    figures.intents++;
    if (intent.kind === 'draft') {
      const { report } = intent;
      const drafter = token(bloc.drafter(report.unit.code));
      watch(report, await writeAndSubmit(client, outline, report, drafter, intent.correction));
      return;
    }
    const { report } = intent;
    const session = token(intent.username);
    const inbox = await client.expect<{ id: string; reportId: string; stage: string }[]>('inbox', [200], 'GET', '/api/tasks', session);
    const task = inbox.body.find((t) => t.reportId === report.id && t.stage === intent.stage);
    if (!task) {
      figures.inboxMisses++;
      if (++intent.attempts > 100)
        throw new Error(`${intent.username}: no open ${intent.stage} task for ${report.unit.code} after ${intent.attempts} inbox reads`);
      setTimeout(() => decisions.push(intent), 100);
      return;
    }
    const body = intent.decision === 'return' ? { decision: 'return', comment: RETURN_REASON } : { decision: 'approve' };
    const done = await client.call('complete', 'POST', `/api/tasks/${task.id}/complete`, session, body);
    // 409: the stage resolved meanwhile (not expected here, since only the deciders act).
    if (done.status !== 202) throw new Error(`complete ${task.id} (${report.unit.code} ${intent.stage}): HTTP ${done.status} ${JSON.stringify(done.body)}`);
    intent.deciding.lastAt = Math.max(intent.deciding.lastAt, done.at);
    if (--intent.deciding.remaining === 0) watch(report, intent.deciding.lastAt);
  };

  // The poller: one query over the reports awaiting a move.
  let polling = true;
  const poller = (async () => {
    while (polling) {
      if (watching.size) {
        const ids = [...watching.keys()];
        const { rows: now } = await pool.query<{ id: string; stage: string; round: number }>(
          `SELECT id, stage, round FROM reports WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        const seenAt = Date.now();
        for (const r of now) {
          const w = watching.get(r.id);
          if (!w || r.round === w.report.round) continue;
          watching.delete(r.id);
          figures.observedLagMs.push(Math.max(0, seenAt - w.since));
          Object.assign(w.report, { stage: r.stage, round: r.round });
          onMoved(w.report);
        }
      }
      await sleep(25);
    }
  })();

  let lastLog = Date.now();
  const worker = async () => {
    while (!failure && atConsolidation < reports.length) {
      const intent = decisions.shift() ?? drafts.shift();
      if (!intent) {
        await sleep(5);
        continue;
      }
      try {
        await act(intent);
      } catch (error) {
        failure = error as Error;
      }
      // BENCH_BLOC_THINK_MS: a pause between one person's actions (0.5 to 1.5 times it); none by default.
      if (thinkMs) await sleep(thinkMs * (0.5 + Math.random()));
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(
          `  drive: ${atConsolidation}/${reports.length} at consolidation, ${drafts.length} drafts and ${decisions.length} decisions queued, ${watching.size} awaiting a move`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: users }, worker));
  polling = false;
  await poller;
  if (failure) throw failure;
  figures.allAtConsolidationAt = Date.now();
  figures.requests = [...client.latencies.values()].reduce((n, l) => n + l.length, 0);
  return figures;
}

export interface LagFigures {
  /** Decision recorded (the deciding audit event) → transition written (its audit event), per transition, ms. */
  all: number[];
  byMove: Record<string, number[]>;
  transitions: number;
  first: number;
  last: number;
  /** Transitions per second in the busiest 10-second window. */
  peak10s: number;
}

/**
 * The engine's own timestamps: audit events are stamped with clock_timestamp() as they are
 * inserted, the decision's in the API's transaction, the transition's in the worker's (the next
 * stage's tasks are inserted right after it, in the same transaction). For a majority, the last
 * decision before the transition counts. The bulk move of consolidation → done is not a report's
 * own transition and is left out.
 */
export async function transitionLags(pool: Pool, planId: string): Promise<LagFigures> {
  await pool.query('ANALYZE audit_events'); // see lagBreakdown
  const { rows } = await pool.query<{ move: string; ms: number; at: number }>(
    `SELECT tr.from_stage || ' → ' || tr.to_stage AS move, extract(epoch FROM tr.at - d.at) * 1000 AS ms, extract(epoch FROM tr.at) * 1000 AS at
       FROM audit_events tr
       CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM audit_events e
                            WHERE e.report_id = tr.report_id AND e.action IN ('submit', 'approve', 'return') AND e.from_stage = tr.from_stage AND e.at <= tr.at) d
      WHERE tr.plan_id = $1 AND tr.action = 'transition' AND tr.report_id IS NOT NULL AND tr.from_stage <> 'consolidation'`,
    [planId],
  );
  const byMove: Record<string, number[]> = {};
  const times = rows.map((r) => Number(r.at)).sort((a, b) => a - b);
  for (const r of rows) (byMove[r.move] ??= []).push(Number(r.ms));
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] > 10_000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return { all: rows.map((r) => Number(r.ms)), byMove, transitions: rows.length, first: times[0], last: times[times.length - 1], peak10s: peak / 10 };
}

/**
 * Where the lag goes, for the transitions whose deciding job BullMQ still keeps (the last 5,000
 * decision jobs): decision recorded → job added to Redis (the API's commit and its outbox relay),
 * → picked up by a worker, → transition written (the worker's transaction up to its audit insert).
 */
export async function lagBreakdown(
  pool: Pool,
  redis: import('ioredis').default,
  prefix: string,
  planId: string,
): Promise<Record<'relay' | 'queued' | 'worker', number[]>> {
  // Fresh statistics first: the table grew from nothing during the drive, and with the stale ones
  // the planner picked a nested loop over a sequential scan (over ten minutes instead of a second).
  await pool.query('ANALYZE audit_events');
  const { rows } = await pool.query<{ task_id: string; decided: number; moved: number }>(
    `SELECT tr.task_id, extract(epoch FROM d.at) * 1000 AS decided, extract(epoch FROM tr.at) * 1000 AS moved
       FROM audit_events tr JOIN audit_events d ON d.task_id = tr.task_id AND d.action IN ('submit', 'approve', 'return')
      WHERE tr.plan_id = $1 AND tr.action = 'transition' AND tr.report_id IS NOT NULL AND tr.from_stage <> 'consolidation'`,
    [planId],
  );
  const pipeline = redis.pipeline();
  for (const r of rows) pipeline.hmget(`${prefix}:transitions:decision-${r.task_id}`, 'timestamp', 'processedOn');
  const answers = ((await pipeline.exec()) ?? []).map(([, v]) => v as (string | null)[]);
  const out = { relay: [] as number[], queued: [] as number[], worker: [] as number[] };
  rows.forEach((r, i) => {
    const [added, processed] = answers[i] ?? [];
    if (!added || !processed) return;
    out.relay.push(Number(added) - Number(r.decided));
    out.queued.push(Number(processed) - Number(added));
    out.worker.push(Number(r.moved) - Number(processed));
  });
  return out;
}
