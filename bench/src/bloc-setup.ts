import { hash } from '@node-rs/argon2';
import { createHmac } from 'node:crypto';
import { Pool } from 'pg';
import Redis from 'ioredis';
import { BlocClient } from './bloc-client';
import { chunksUnder, GeneratedBloc, GenUser, PASSWORD } from './bloc-generate';
import { log } from './log';
import { pollUntil } from './poll';
import { summarize } from './stats';

/** How the import went: units and users over HTTP in chunks under the 1 MB body limit. */
export interface ImportFigures {
  unitsMs: number;
  unitChunks: number;
  usersHttp: number;
  usersHttpMs: number;
  userChunks: number;
  /** Users written straight with SQL (one shared argon2 hash) when BENCH_BLOC_HTTP_USERS caps the HTTP import. */
  usersSql: number;
  usersSqlMs: number;
}

export async function importBloc(client: BlocClient, token: string, pool: Pool, bloc: GeneratedBloc, httpUsers: number): Promise<ImportFigures> {
  const t0 = Date.now();
  const unitChunks = chunksUnder(bloc.units);
  for (const units of unitChunks) await importChunk(client, token, 'import units', { units, users: [] });
  const unitsMs = Date.now() - t0;
  log(`imported ${bloc.units.length.toLocaleString()} units in ${unitChunks.length} request(s), ${(unitsMs / 1000).toFixed(1)} s`);

  const overHttp = bloc.users.slice(0, httpUsers);
  // Chunks of at most 1,000 users: a worker hashes each chunk's passwords (argon2) before its transaction.
  const userChunks = chunksUnder(overHttp).flatMap((c) => Array.from({ length: Math.ceil(c.length / 1000) }, (_, i) => c.slice(i * 1000, (i + 1) * 1000)));
  const t1 = Date.now();
  let done = 0;
  for (const users of userChunks) {
    await importChunk(client, token, 'import users', { units: [], users });
    done += users.length;
    if (userChunks.length > 4 && done % 5000 < users.length)
      log(`  ${done.toLocaleString()} users imported (${(done / ((Date.now() - t1) / 1000)).toFixed(0)}/s)`);
  }
  const usersHttpMs = Date.now() - t1;
  log(`imported ${overHttp.length.toLocaleString()} users over HTTP in ${userChunks.length} request(s), ${(usersHttpMs / 1000).toFixed(1)} s`);

  const rest = bloc.users.slice(httpUsers);
  const t2 = Date.now();
  if (rest.length) await insertUsersSql(pool, rest);
  const usersSqlMs = Date.now() - t2;
  if (rest.length)
    log(`wrote the other ${rest.length.toLocaleString()} users with SQL in ${(usersSqlMs / 1000).toFixed(1)} s (BENCH_BLOC_HTTP_USERS=${httpUsers})`);
  await pool.query('ANALYZE');
  return { unitsMs, unitChunks: unitChunks.length, usersHttp: overHttp.length, usersHttpMs, userChunks: userChunks.length, usersSql: rest.length, usersSqlMs };
}

/**
 * One import request: 201 once the worker applied it within the API's wait, else 202 and its status
 * followed (GET statusUrl) until it is done. An engine from before imports were queued answers 201.
 */
async function importChunk(client: BlocClient, token: string, label: string, body: { units: unknown[]; users: unknown[] }): Promise<void> {
  const answer = await client.expect<{ statusUrl?: string }>(label, [201, 202], 'POST', '/api/org/import', token, body);
  if (answer.status === 201) return;
  const statusUrl = answer.body.statusUrl!;
  const ended = await pollUntil(
    async () => {
      const status = await client.expect<{ status: string; error?: unknown }>(`${label} (status)`, [200], 'GET', statusUrl, token);
      return ['done', 'failed'].includes(status.body.status) ? status.body : undefined;
    },
    30 * 60_000,
    500,
  );
  if (ended?.status !== 'done')
    throw new Error(`${label}: the import ${statusUrl} ended ${ended ? `failed: ${JSON.stringify(ended.error)}` : 'not within 30 minutes'}`);
}

/** The shortcut for long runs: the same rows the import writes, with one argon2 hash of the shared password. */
async function insertUsersSql(pool: Pool, users: GenUser[]): Promise<void> {
  const passwordHash = await hash(PASSWORD);
  for (let start = 0; start < users.length; start += 5000) {
    const chunk = users.slice(start, start + 5000);
    await pool.query(
      `INSERT INTO users (username, full_name, email, password_hash) SELECT u, f, e, $4 FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS x(u, f, e)`,
      [chunk.map((u) => u.username), chunk.map((u) => u.fullName), chunk.map((u) => u.email), passwordHash],
    );
    const roles = chunk.flatMap((u) => u.roles.map((r) => [u.username, r.unit, r.role]));
    await pool.query(
      `INSERT INTO role_assignments (user_id, unit_id, role)
       SELECT u.id, o.id, x.role FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS x(username, unit, role)
         JOIN users u ON u.username = x.username JOIN org_units o ON o.code = x.unit`,
      [roles.map((r) => r[0]), roles.map((r) => r[1]), roles.map((r) => r[2])],
    );
  }
}

/** The plan, its stages due a month ahead per level, with the fixture's reminders (P7D, P2D, PT0S, escalation P1D). */
export function planBody(root: string) {
  const day = 86_400_000;
  const at = (days: number) => new Date(Date.now() + days * day).toISOString();
  const stages = (d: number) => ({ drafting: at(d), cell_approval: at(d + 5), committee_review: at(d + 10) });
  return {
    code: `BENCH-BLOC-${Date.now()}`,
    title: 'Kế hoạch tổng kết công tác xây dựng Đảng nhiệm kỳ 2020-2025 (benchmark quy mô Khối)',
    issuedOn: new Date().toISOString().slice(0, 10),
    term: '2020-2025',
    basis: [{ code: '48-CV/TBĐLĐ', issuer: 'Tiểu ban Điều lệ Đảng', title: 'Về việc tổng kết công tác xây dựng Đảng' }],
    rootUnit: root,
    deadlines: { cell: stages(30), grassroots: stages(45), upper: stages(60), bloc: { consolidation: at(90) } },
    reminders: { before: ['P7D', 'P2D', 'PT0S'], escalateAfter: 'P1D' },
  };
}

export interface LaunchFigures {
  reports: number;
  draftingTasks: number;
  /** POST → 202; POST → every report and drafting task visible (polled every 20 ms); POST → launch job finished. */
  requestMs: number;
  visibleMs: number;
  jobFinishedMs: number;
  /** Inside the launch transaction (PostgreSQL's own times): plans.launched_at is its start. */
  txStartAfterPostMs: number;
  /** Reminder jobs in Redis once the job finished. */
  delayedReminders: number;
}

export async function launchPlan(
  client: BlocClient,
  token: string,
  pool: Pool,
  redis: Redis,
  prefix: string,
  planId: string,
  expected: number,
): Promise<LaunchFigures> {
  const t0 = Date.now();
  const answer = await client.expect<{ reports: unknown[] }>('launch', [202], 'POST', `/api/plans/${planId}/launch`, token);
  const requestMs = Date.now() - t0;
  const visibleAt = await pollUntil(
    async () => {
      const {
        rows: [p],
      } = await pool.query<{ status: string }>(`SELECT status FROM plans WHERE id = $1`, [planId]);
      return p.status === 'launched' ? Date.now() : undefined;
    },
    600_000,
    20,
  );
  const {
    rows: [c],
  } = await pool.query<{ reports: number; tasks: number; launched_at: Date }>(
    `SELECT (SELECT count(*)::int FROM reports WHERE plan_id = $1) AS reports,
            (SELECT count(*)::int FROM tasks WHERE plan_id = $1 AND stage = 'drafting' AND state = 'open') AS tasks,
            (SELECT launched_at FROM plans WHERE id = $1) AS launched_at`,
    [planId],
  );
  const jobKey = `${prefix}:transitions:launch-${planId}`;
  const finishedAt = await pollUntil(
    async () => {
      const finished = await redis.hget(jobKey, 'finishedOn');
      return finished ? Number(finished) : undefined;
    },
    600_000,
    50,
  );
  const delayedReminders = await redis.zcard(`${prefix}:reminders:delayed`);
  if (c.reports !== expected) throw new Error(`launch created ${c.reports} reports, expected ${expected}`);
  log(
    `launch: 202 in ${requestMs} ms (${answer.body.reports.length} reports in the answer); all ${c.reports} reports and ${c.tasks} drafting tasks visible after ` +
      `${((visibleAt! - t0) / 1000).toFixed(2)} s; launch job finished after ${((finishedAt! - t0) / 1000).toFixed(2)} s (${delayedReminders} reminder jobs)`,
  );
  return {
    reports: c.reports,
    draftingTasks: c.tasks,
    requestMs,
    visibleMs: visibleAt! - t0,
    jobFinishedMs: (finishedAt ?? NaN) - t0,
    txStartAfterPostMs: new Date(c.launched_at).getTime() - t0,
    delayedReminders,
  };
}

/**
 * Sessions of the simulated users. `sample` users log in over HTTP (argon2 verify each, measured);
 * the others get a token signed with the API's JWT secret, the same claims the login gives: tens of
 * thousands of argon2 verifications would otherwise take minutes of both cores before the drive.
 */
export async function sessions(
  client: BlocClient,
  pool: Pool,
  secret: string,
  sample: string[],
): Promise<{ tokens: Map<string, string>; login: ReturnType<typeof summarize>; loginWallMs: number }> {
  // A token is good only with an open session of the user's current token version: one row each, as a login makes.
  const { rows } = await pool.query<{ id: string; username: string; sid: string; tv: number }>(
    `WITH s AS (INSERT INTO user_sessions (id, user_id, address, expires_at)
                SELECT gen_random_uuid(), id, 'bench', now() + interval '8 hours' FROM users RETURNING id, user_id)
     SELECT s.id AS sid, u.id, u.username, u.token_version AS tv FROM s JOIN users u ON u.id = s.user_id`,
  );
  const tokens = new Map(rows.map((u) => [u.username, hs256({ sub: u.id, username: u.username, sid: u.sid, tv: u.tv }, secret)]));
  const t0 = Date.now();
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < sample.length) {
        const username = sample[next++];
        const answer = await client.expect<{ accessToken: string }>('login', [200], 'POST', '/api/auth/login', undefined, { username, password: PASSWORD });
        latencies.push(answer.ms);
        tokens.set(username, answer.body.accessToken);
      }
    }),
  );
  return { tokens, login: summarize(latencies), loginWallMs: Date.now() - t0 };
}

/** A JWT as @nestjs/jwt signs it (HS256), valid for eight hours. */
function hs256(claims: Record<string, string | number>, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 8 * 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
