import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { sleep } from './poll';

/**
 * Where the engine under test is built: this checkout, or BENCH_ENGINE_DIR (e.g. an export of a
 * commit, so edits in progress in the working tree do not change what is measured). Its processes
 * run with that directory as their working directory.
 */
export const ENGINE_DIR = resolve(process.env.BENCH_ENGINE_DIR || '.');

/** The engine's built entry points (run.sh builds them). */
export const ENGINE = {
  worker: join(ENGINE_DIR, 'dist/apps/worker/apps/worker/src/main.js'),
  cli: join(ENGINE_DIR, 'dist/apps/api/apps/api/src/cli.js'),
  api: join(ENGINE_DIR, 'dist/apps/api/apps/api/src/main.js'),
};

/** An engine process started by the bench; its output goes to a log file and can be watched for a line. */
export class EngineProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly startedAt = Date.now();
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly watchers: { pattern: RegExp; resolve: (at: number) => void }[] = [];
  private ended = false;
  /** How the process ended, for error messages: "code 1", "signal SIGKILL". */
  exitReason = '';

  constructor(
    readonly name: string,
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    readonly logPath = `/tmp/tongket-bench-${name}.log`,
    /** Options for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
    nodeArgs: string[] = [],
  ) {
    if (!existsSync(script)) throw new Error(`${script} does not exist: build first (bench/run.sh builds it)`);
    this.log = createWriteStream(logPath);
    this.child = spawn(process.execPath, [...nodeArgs, script, ...args], { env, cwd: ENGINE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => this.onLine(line));
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.ended = true;
        this.exitReason = signal ? `signal ${signal}` : `code ${code}`;
        for (const w of this.watchers.splice(0)) w.resolve(NaN);
        resolve({ code, signal });
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return !this.ended;
  }

  /** Resolves with the time (epoch ms) the first line matching `pattern` appears; throws on exit or timeout. */
  async lineMatching(pattern: RegExp, timeoutMs: number): Promise<number> {
    const seen = new Promise<number>((resolve) => this.watchers.push({ pattern, resolve }));
    const at = await Promise.race([seen, sleep(timeoutMs).then(() => NaN)]);
    if (Number.isNaN(at)) throw new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms (running: ${this.running}); see ${this.logPath}`);
    return at;
  }

  /** Waits for a command to end by itself; throws on a non-zero exit or a timeout. */
  async finished(timeoutMs: number): Promise<void> {
    const outcome = await Promise.race([this.exited, sleep(timeoutMs).then(() => undefined)]);
    if (!outcome) {
      await this.stop();
      throw new Error(`${this.name} did not finish within ${timeoutMs} ms; see ${this.logPath}`);
    }
    if (outcome.code !== 0) throw new Error(`${this.name} failed (code ${outcome.code}, signal ${outcome.signal}); see ${this.logPath}`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; answers how long the graceful stop took (ms), or NaN when killed. */
  async stop(graceMs = 10_000): Promise<number> {
    if (!this.running) return 0;
    const start = Date.now();
    this.child.kill('SIGTERM');
    if (await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)])) return Date.now() - start;
    console.error(`${this.name} ignored SIGTERM for ${graceMs} ms: killing it`);
    this.child.kill('SIGKILL');
    await this.exited;
    return NaN;
  }

  private onLine(line: string): void {
    this.log.write(line + '\n');
    for (const w of [...this.watchers]) {
      if (w.pattern.test(line)) {
        this.watchers.splice(this.watchers.indexOf(w), 1);
        w.resolve(Date.now());
      }
    }
  }
}

/** Sets up the engine's roles and schema (`cli.js db-roles`), then applies the migrations (`cli.js migrate`). */
export async function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  await new EngineProcess('db-roles', ENGINE.cli, ['db-roles'], env).finished(60_000);
  await new EngineProcess('migrate', ENGINE.cli, ['migrate'], env).finished(60_000);
}
