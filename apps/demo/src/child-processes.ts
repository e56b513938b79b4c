import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { settlesWithin } from './poll';

/** One engine process started by the demo, its output going to a log file under /tmp. */
export class Child {
  exitCode: number | null = null;
  signal: NodeJS.Signals | null = null;
  readonly exited: Promise<void>;
  private readonly process: ChildProcess;

  constructor(
    readonly name: string,
    readonly logPath: string,
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    if (!existsSync(script)) throw new Error(`${script} does not exist: build first (npm run demo builds it)`);
    const log = openSync(logPath, 'w');
    this.process = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', log, log] });
    closeSync(log); // the child holds its own descriptor
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.exitCode = code;
        this.signal = signal;
        resolve();
      });
      this.process.once('error', (error) => {
        this.exitCode = -1;
        console.error(`${name}: ${error.message}`);
        resolve();
      });
    });
  }

  get running(): boolean {
    return this.exitCode === null && this.signal === null;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Throws when the process is gone: a wait on a dead process would only time out later. */
  assertRunning(): void {
    if (!this.running) {
      throw new Error(`${this.name} exited early (code ${this.exitCode}, signal ${this.signal}); see ${this.logPath}`);
    }
  }

  /** Waits for the process to end by itself, e.g. a migration; fails on a non-zero code or timeout. */
  async finished(timeoutMs: number): Promise<void> {
    if (!(await settlesWithin(this.exited, timeoutMs))) {
      await this.stop();
      throw new Error(`${this.name} did not finish within ${timeoutMs} ms; see ${this.logPath}`);
    }
    if (this.exitCode !== 0) throw new Error(`${this.name} failed (code ${this.exitCode}, signal ${this.signal}); see ${this.logPath}`);
  }

  /** SIGTERM, then SIGKILL when the process has not ended after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    if (!(await settlesWithin(this.exited, graceMs))) {
      console.error(`${this.name} ignored SIGTERM for ${graceMs} ms: killing it`);
      this.process.kill('SIGKILL');
      await settlesWithin(this.exited, 2_000);
    }
  }

  /** The last lines of the log, for the failure report. */
  tail(lines = 40): string {
    if (!existsSync(this.logPath)) return '(no log)';
    const all = readFileSync(this.logPath, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  }
}
