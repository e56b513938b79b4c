import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { pgClient } from '../support/pg';
import { freePort, sleep } from '../kit';

const ROOT = join(__dirname, '..', '..');
const ENTRYPOINT = join(ROOT, 'config/docker/entrypoint.sh');
const SUFFIX = Math.random().toString(16).slice(2, 10);

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs the image's entrypoint on this checkout (APP_DIR), as the container would run it. */
function entrypoint(args: string[], env: NodeJS.ProcessEnv, stdin?: string): { child: ChildProcess; done: Promise<Ran> } {
  const child = spawn('sh', [ENTRYPOINT, ...args], { env: { ...env, APP_DIR: ROOT }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  // A command refused at once exits before reading its input: writing to it then fails with EPIPE,
  // which says nothing about the entrypoint (its exit code and output do).
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(stdin ?? '');
  return { child, done: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output }))) };
}

/**
 * No Docker engine runs on the machines this project is tested on, so the image's entrypoint is
 * tested on the build as it is: each command it offers, the way compose.yml uses them.
 */
describe('the container entrypoint (config/docker/entrypoint.sh)', () => {
  const schema = `image_${SUFFIX}`;
  const prefix = `{image-${SUFFIX}}`;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = { ...process.env, PG_SCHEMA: schema, QUEUE_PREFIX: prefix, PORT: String(await freePort()), LOG_LEVEL: 'info', MIGRATIONS: 'manual' };
  });

  afterAll(async () => {
    const db = await pgClient(schema);
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.end();
    const redis = new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) });
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }, 60_000);

  it('refuses an unknown command with its usage (exit 64)', async () => {
    const ran = await entrypoint(['serve'], env).done;
    expect(ran).toMatchObject({ code: 64, output: expect.stringMatching(/usage: tongket api \| worker \| all \| migrate/) });
  });

  it('db-roles, migrate and admin create, as the one-off services of compose.yml run them', async () => {
    expect(await entrypoint(['db-roles'], env).done).toMatchObject({ code: 0, output: expect.stringMatching(/Roles ready/) });
    expect(await entrypoint(['migrate'], env).done).toMatchObject({ code: 0, output: expect.stringMatching(/Applied migrations/) });
    expect(await entrypoint(['migrate'], env).done).toMatchObject({ code: 0, output: expect.stringMatching(/up to date/) });
    const admin = await entrypoint(['admin', 'create', 'quantri'], env, 'mat-khau-quan-tri-2026\n').done;
    expect(admin).toMatchObject({ code: 0, output: expect.stringMatching(/Created the administrator quantri/) });
  }, 180_000);

  it('api answers /health and drains on SIGTERM; a worker starts and drains too', async () => {
    const api = entrypoint(['api'], env);
    const worker = entrypoint(['worker'], env);
    const deadline = Date.now() + 60_000;
    while (
      (await fetch(`http://127.0.0.1:${env.PORT}/health`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (Date.now() > deadline) throw new Error('the API from the entrypoint never became healthy');
      await sleep(300);
    }
    await sleep(1_000);
    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    const [apiRan, workerRan] = await Promise.all([api.done, worker.done]);
    expect(apiRan.code).toBe(0);
    expect(workerRan).toMatchObject({ code: 0, output: expect.stringMatching(/worker started/) });
  }, 120_000);
});
