import { createServer } from 'node:net';
import { Child } from './child-processes';
import { log } from './log';
import { pollUntil } from './poll';

const API_MAIN = 'dist/apps/api/apps/api/src/main.js';
const API_CLI = 'dist/apps/api/apps/api/src/cli.js';
const WORKER_MAIN = 'dist/apps/worker/apps/worker/src/main.js';

/** The first port from `start` nothing listens on, so a running dev API never collides with the demo. */
export async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${start}..${start + 49}`);
}

/** Applies the migrations to the demo's schema and waits for the command to finish. */
export async function migrate(env: NodeJS.ProcessEnv, children: Child[]): Promise<void> {
  const child = new Child('migrate', '/tmp/tongket-demo-migrate.log', API_CLI, ['migrate'], env);
  children.push(child);
  await child.finished(60_000);
  log(`migrations applied to schema ${env.PG_SCHEMA} (log: ${child.logPath})`);
}

/** Starts the API and the worker as separate processes and waits for GET /health to answer 200. */
export async function startEngine(env: NodeJS.ProcessEnv, baseUrl: string, children: Child[]): Promise<void> {
  const api = new Child('api', '/tmp/tongket-demo-api.log', API_MAIN, [], env);
  children.push(api);
  const worker = new Child('worker', '/tmp/tongket-demo-worker.log', WORKER_MAIN, [], env);
  children.push(worker);
  log(`api (pid ${api.pid}) logs to ${api.logPath}; worker (pid ${worker.pid}) logs to ${worker.logPath}`);

  let last = 'no answer yet';
  await pollUntil(
    async () => {
      api.assertRunning();
      worker.assertRunning();
      try {
        const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
        last = `${response.status} ${await response.text()}`;
        return response.status === 200 ? true : undefined;
      } catch (error) {
        last = (error as Error).message;
        return undefined;
      }
    },
    { what: `GET ${baseUrl}/health to answer 200`, timeoutMs: 30_000, intervalMs: 200 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer: ${last}`);
  });
  log(`engine is healthy at ${baseUrl} (docs at ${baseUrl}/docs)`);
}
