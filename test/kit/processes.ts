import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sleep } from './poll';

/**
 * The engine's built processes, for the tests that run them as an operator does (test/faults): the
 * scripts in dist/, a child process per API or worker with its output in a log file, a free port.
 */
export const ROOT = join(__dirname, '..', '..');
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const API_CLI = join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

/** One node process running `script`, its stdout and stderr appended to `logPath`. */
export class Proc {
  exitCode: number | null = null;
  signal: NodeJS.Signals | null = null;
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    readonly logPath: string,
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    const fd = openSync(logPath, 'a');
    this.child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.signal = signal;
        resolve();
      });
      this.child.once('error', () => {
        this.exitCode = -1;
        resolve();
      });
    });
  }

  get running(): boolean {
    return this.exitCode === null && this.signal === null;
  }
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends a signal without waiting for the exit (see `exited`). */
  send(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Sends `signal`, then SIGKILL when the process is still there after `graceMs`. */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const done = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exited, sleep(2_000)]);
    }
  }

  tail(lines = 30): string {
    if (!existsSync(this.logPath)) return '(no log)';
    return readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }
}

/** A TCP port of 127.0.0.1 nobody listens on right now (the system picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Builds dist when it is missing (not when it is stale: build yourself to test fresh code). */
export function ensureBuilt(): void {
  if (existsSync(API_MAIN) && existsSync(API_CLI) && existsSync(WORKER_MAIN)) return;
  execFileSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['nest', 'build', 'worker'], { cwd: ROOT, stdio: 'inherit' });
}
