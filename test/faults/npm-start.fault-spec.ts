import { ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { orgWorkbook, XLSX } from '../support/org-workbook';
import { pgClient } from '../support/pg';
import { Client } from './support/client';
import { API_CLI, API_MAIN, freePort, ROOT, sleep } from '../kit';

const run = promisify(execFile);

/** The processes below `pid` (npm runs a shell, which runs the engine), from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length;) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The engine's own process under `npm start`: the one running the API's main.js. */
function engineProcess(npmPid: number): number {
  const pid = descendants(npmPid).find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('dist/apps/api/apps/api/src/main.js');
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error('no engine process under npm start');
  return pid;
}
const SUFFIX = Math.random().toString(16).slice(2, 10);

/**
 * An office installing the engine for itself: `npm start` on an empty schema, the first administrator
 * made with `npm run admin -- create`, then over HTTP alone: sign in, import the organisation from
 * the Excel workbook an office fills (previewed, then applied), create and launch a plan. And with
 * MIGRATIONS=manual, a process refuses an outdated schema and says what to run.
 */
describe('from an empty schema to a launched plan, with npm start', () => {
  const schema = `start_${SUFFIX}`;
  const prefix = `{start-${SUFFIX}}`;
  const log = `/tmp/tongket-npm-start-${SUFFIX}.log`;
  let child: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = { ...process.env, PG_SCHEMA: schema, QUEUE_PREFIX: prefix, PORT: String(await freePort()), LOG_LEVEL: 'info', SMTP_PORT: '9' };
    delete env.BOOTSTRAP_ADMIN_PASSWORD;
    // Once per installation, as the PostgreSQL superuser: the engine's two roles and its schema.
    await run('node', [API_CLI, 'db-roles'], { env, cwd: ROOT });
  }, 120_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    const db = await pgClient(schema);
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.end();
    const redis = new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) });
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }, 60_000);

  it('with MIGRATIONS=manual, the API refuses an unmigrated schema and names the command to run', async () => {
    const result = await run('node', [API_MAIN], { env: { ...env, MIGRATIONS: 'manual' }, cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/MIGRATIONS=manual: run `npm run migrate`/);
  }, 60_000);

  it('npm start migrates, serves the web app, tells how to make an administrator; the rest is HTTP', async () => {
    const fd = openSync(log, 'a');
    child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', fd, fd], detached: false });
    closeSync(fd);
    const base = `http://127.0.0.1:${env.PORT}`;
    const deadline = Date.now() + 300_000;
    while (
      (await fetch(`${base}/health`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${readFileSync(log, 'utf8').slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`npm start never became healthy:\n${readFileSync(log, 'utf8').slice(-3000)}`);
      await sleep(500);
    }
    const output = readFileSync(log, 'utf8');
    expect(output).toMatch(/Migrations: applied migrations to schema start_/);
    expect(output).toMatch(/npm run admin -- create <username>/);
    expect((await fetch(`${base}/`)).headers.get('content-type')).toMatch(/text\/html/);

    const admin = spawn('npm', ['run', '--silent', 'admin', '--', 'create', 'quantri', '--full-name', 'Nguyễn Văn Quản'], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    admin.stdin!.end('mat-khau-quan-tri-2026\n');
    let said = '';
    admin.stdout!.on('data', (c) => (said += c));
    admin.stderr!.on('data', (c) => (said += c));
    const code = await new Promise<number | null>((resolve) => admin.once('exit', resolve));
    expect({ code, said }).toMatchObject({ code: 0, said: expect.stringMatching(/Created the administrator quantri/) });

    const client = new Client(base, 'mat-khau-quan-tri-2026');
    const me = await client.expect('quantri', 'GET', '/api/me', undefined, [200]);
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'admin' })]);
    const workbook = await orgWorkbook({
      units: [
        ['DUT', 'Đảng bộ Khối thử', 'Đảng bộ Khối', '', 'Hà Nội'],
        ['DUT-CB1', 'Chi bộ Phòng Một', 'Chi bộ trực thuộc', 'DUT', ''],
        ['DUT-CB2', 'Chi bộ Phòng Hai', 'Chi bộ trực thuộc', 'DUT', ''],
      ],
    });
    const upload = async (query: string) => {
      const res = await fetch(`${base}/api/org/import.xlsx${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await client.token('quantri')}`, 'content-type': XLSX },
        body: workbook,
        signal: AbortSignal.timeout(60_000),
      });
      return { status: res.status, location: res.headers.get('location'), body: await res.json() };
    };
    const preview = await upload('?dryRun=true');
    expect(preview).toMatchObject({ status: 200, body: { valid: true, problems: [], counts: { unitsCreated: 3 } } });
    const applied = await upload('');
    expect([201, 202]).toContain(applied.status);
    const deadlineOfImport = Date.now() + 60_000;
    let imported = await client.expect('quantri', 'GET', applied.location!, undefined, [200]);
    while (imported.body.status !== 'done' && imported.body.status !== 'failed' && Date.now() < deadlineOfImport) {
      await sleep(200);
      imported = await client.expect('quantri', 'GET', applied.location!, undefined, [200]);
    }
    expect(imported.body).toMatchObject({ status: 'done', result: { unitsCreated: 3 } });
    const dueIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const plan = await client.expect(
      'quantri',
      'POST',
      '/api/plans',
      {
        code: `${SUFFIX.slice(0, 4)}-KH/ĐUT`,
        title: 'Kế hoạch tổng kết nhiệm kỳ',
        issuedOn: new Date().toISOString().slice(0, 10),
        term: '2020-2025',
        basis: [],
        rootUnit: 'DUT',
        deadlines: { cell: { drafting: dueIn(10), cell_approval: dueIn(20), committee_review: dueIn(30) }, bloc: { consolidation: dueIn(60) } },
        reminders: { before: ['P2D'], escalateAfter: 'P1D' },
      },
      [201],
    );
    const launched = await client.expect('quantri', 'POST', `/api/plans/${plan.body.id}/launch`, undefined, [202]);
    expect(launched.body.reports.map((r: { unitCode: string }) => r.unitCode).sort()).toEqual(['DUT-CB1', 'DUT-CB2']);

    // As a service manager stops it: SIGTERM to the engine, which drains and exits 0, and npm with it.
    const exited = new Promise((resolve) => child!.once('exit', (c, s) => resolve(c ?? s)));
    process.kill(engineProcess(child.pid!), 'SIGTERM');
    expect(await exited).toBe(0);
  }, 600_000);
});
