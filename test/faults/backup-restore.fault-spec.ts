import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { pgClient, PgClient } from '../support/pg';
import { Client } from './support/client';
import { CycleDriver, generateOrg } from './support/cycle';
import { API_MAIN, freePort, Proc, ROOT, WORKER_MAIN } from '../kit';
import { Engine } from './support/engine';

const run = promisify(execFile);

/**
 * An installation is backed up while it runs (`npm run backup`), restored into a new schema (`npm run
 * restore FILE`), and the restored copy holds every report, task and audit event, its audit chain
 * still holds, and its worker's reconciler rebuilds the queues from PostgreSQL alone.
 */
describe('backup and restore of a running installation', () => {
  const engine = new Engine('backup');
  const target = `restored_${engine.suffix}`;
  const targetPrefix = `{restored-${engine.suffix}}`;
  let copy: PgClient | undefined;
  const extra: Proc[] = [];

  afterAll(async () => {
    await Promise.all(extra.map((p) => p.kill('SIGTERM', 5_000)));
    await copy?.query(`DROP SCHEMA IF EXISTS "${target}" CASCADE`).catch(() => undefined);
    await copy?.end();
    const redis = new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379), lazyConnect: true });
    await redis.connect();
    const keys = await redis.keys(`${targetPrefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await engine.stop();
  }, 60_000);

  it('restores into a new schema every report, task and audit event; the chain holds; the queues come back', async () => {
    await engine.start(1);
    const driver = new CycleDriver(engine, generateOrg({ uppers: 2, cellsPerUpper: 4 }), 4);
    await driver.importOrg();
    const { reports } = await driver.createAndLaunch();
    // Some reports go through their stages; the rest stay in drafting with open tasks and reminders.
    for (const report of reports.filter((r) => r.unitCode.includes('-')).slice(0, 3)) await driver.driveReport(report);

    const snapshot = async (query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>) => ({
      reports: (await query(`SELECT id, stage, version FROM reports ORDER BY id`)).rows,
      tasks: (await query(`SELECT id, state, assignee_id, due_at FROM tasks ORDER BY id`)).rows,
      audit: (await query(`SELECT id, action FROM audit_events ORDER BY id`)).rows,
      users: (await query(`SELECT username, password_hash FROM users ORDER BY username`)).rows,
    });
    const env = { ...process.env, ...engine.env, BACKUP_DIR: mkdtempSync(join(tmpdir(), 'tongket-backup-')) };
    const { stdout } = await run('bash', [join(ROOT, 'config/bin/backup.sh')], { env, cwd: ROOT });
    const file = stdout.trim().split('\n').pop()!;
    expect(file).toMatch(new RegExp(`tongket-${engine.schema}-\\d{8}-\\d{6}Z\\.dump$`));
    const source = await pgClient(engine.schema);
    const before = await snapshot((sql) => source.query(sql));
    await source.end();
    expect(before.audit.length).toBeGreaterThan(0);

    await run('bash', [join(ROOT, 'config/bin/restore.sh'), file], { env: { ...env, PG_SCHEMA: target }, cwd: ROOT, timeout: 300_000 });
    copy = await pgClient(target);
    const after = await snapshot((sql) => copy!.query(sql));
    // What the source held at the backup is all in the copy (the source may have gone on since).
    for (const key of ['reports', 'tasks', 'audit', 'users'] as const) {
      expect(after[key].length).toBeGreaterThan(0);
      expect(before[key].filter((row) => !after[key].some((r) => JSON.stringify(r) === JSON.stringify(row)))).toEqual([]);
    }
    // Restoring into a schema that holds tables is refused.
    await expect(run('bash', [join(ROOT, 'config/bin/restore.sh'), file], { env: { ...env, PG_SCHEMA: target }, cwd: ROOT })).rejects.toThrow(/already holds/);

    // The restored installation, with its own queues: the API answers for the same people, the audit
    // chain verifies, and a worker's reconciler queues every open task's reminders again.
    const copyEnv = { ...engine.env, PG_SCHEMA: target, QUEUE_PREFIX: targetPrefix, PORT: String(await freePort()) };
    extra.push(new Proc('restored-api', engine.logPath('restored-api'), API_MAIN, [], copyEnv));
    extra.push(new Proc('restored-worker', engine.logPath('restored-worker'), WORKER_MAIN, [], copyEnv));
    const client = new Client(`http://127.0.0.1:${copyEnv.PORT}`);
    // The events of the last seconds before the backup were not sealed yet: the restored worker's
    // sealer seals them, continuing the chain (a broken chain answers ok: false at once).
    const verify = await driver.waitFor(
      async () => {
        const answer = await client.as('admin', 'GET', '/api/audit/verify').catch(() => undefined);
        const body = answer?.status === 200 ? answer.body : undefined;
        return body && (body.ok === false || body.sealed >= before.audit.length - 50) ? body : undefined;
      },
      120_000,
      'the restored installation sealing and verifying the audit chain',
    );
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.sealed).toBeGreaterThanOrEqual(before.audit.length - 50);
    const open = after.tasks.filter((t) => t.state === 'open').length;
    expect(open).toBeGreaterThan(0);
    const redis = new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) });
    try {
      await driver.waitFor(async () => (await redis.zcard(`${targetPrefix}:reminders:delayed`)) >= open, 120_000, 'reminders of every open task queued again');
    } finally {
      redis.disconnect();
    }
  }, 600_000);
});
