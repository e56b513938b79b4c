/**
 * Loaded into the engine's processes with `NODE_OPTIONS=--require <this file>` (the bench's `bloc`
 * scenario does so when BENCH_SQL_COUNT_DIR is set): counts the SQL statements each process sends
 * through node-postgres, by their first words, and writes the counts to
 * `$BENCH_SQL_COUNT_DIR/<pid>.json` when sent SIGUSR2 and on exit. PostgreSQL's own pg_stat_statements
 * needs a server restart to load; this needs none and tells the processes apart. Nothing else of
 * the engine changes: the wrapped `query` passes its arguments and result through untouched.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** What the file holds: statements by kind ("SELECT", "INSERT", "START TRANSACTION", ...), and when it was written. */
export interface SqlCountFile {
  pid: number;
  at: number;
  counts: Record<string, number>;
}

/** The kind of a statement: its first word, or its first two for the words that open several kinds (SET LOCAL, START TRANSACTION). */
export function statementKind(text: string): string {
  const words = /^\s*(?:\/\*.*?\*\/\s*)?([A-Za-z]+)(?:\s+([A-Za-z]+))?/s.exec(text);
  if (!words) return 'OTHER';
  const first = words[1].toUpperCase();
  return ['SET', 'START', 'RELEASE', 'ROLLBACK'].includes(first) && words[2] ? `${first} ${words[2].toUpperCase()}` : first;
}

interface QueryConfigLike {
  text?: unknown;
}
type QueryFn = (this: unknown, config: unknown, ...rest: unknown[]) => unknown;

function install(dir: string): void {
  // The engine's own copy of pg: resolved from its working directory, as its code resolves it.
  const pgPath = require.resolve('pg', { paths: [process.cwd()] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require(pgPath) as { Client: { prototype: { query: QueryFn } } };
  const counts: Record<string, number> = {};
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(this: unknown, config: unknown, ...rest: unknown[]) {
    const text =
      typeof config === 'string' ? config : typeof (config as QueryConfigLike)?.text === 'string' ? ((config as QueryConfigLike).text as string) : '';
    const kind = statementKind(text);
    counts[kind] = (counts[kind] ?? 0) + 1;
    return original.call(this, config, ...rest);
  };
  const file = join(dir, `${process.pid}.json`);
  const write = () => {
    const body: SqlCountFile = { pid: process.pid, at: Date.now(), counts };
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(body));
      renameSync(`${file}.tmp`, file);
    } catch {
      // the directory went away (the bench ended): nothing to report to
    }
  };
  // Written when the bench asks (SIGUSR2, before each snapshot) and on exit, never on a timer: a
  // write and rename every 100 ms cost each engine process about 1.5% of its profiled time.
  process.on('SIGUSR2', write);
  process.on('exit', write);
}

const dir = process.env.BENCH_SQL_COUNT_DIR;
if (dir && isMainThread) install(dir);
