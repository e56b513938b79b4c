/**
 * Loaded into the engine's processes with `NODE_OPTIONS=--require <this file>` (the bench's `bloc`
 * scenario does so when BENCH_SQL_COUNT_DIR is set): counts the SQL statements each process sends
 * through node-postgres, by their first words and by their text, and writes the counts to
 * `$BENCH_SQL_COUNT_DIR/<pid>.json` when sent SIGUSR2 and on exit. PostgreSQL's own pg_stat_statements
 * needs a server restart to load; this needs none and tells the processes apart. Nothing else of
 * the engine changes: the wrapped `query` passes its arguments and result through untouched.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/**
 * What the file holds: statements by kind ("SELECT", "INSERT", "START TRANSACTION", ...), by
 * statement (its text, whitespace folded, cut at STATEMENT_CHARS), and when it was written.
 */
export interface SqlCountFile {
  pid: number;
  at: number;
  kinds: Record<string, number>;
  statements: Record<string, number>;
}

/** Enough of a statement to tell it apart from the others in a table. */
const STATEMENT_CHARS = 160;

/** A statement as the bench lists it: one line, at most STATEMENT_CHARS characters. */
export function statementLabel(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > STATEMENT_CHARS ? `${line.slice(0, STATEMENT_CHARS - 1)}…` : line;
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
  const kinds: Record<string, number> = {};
  // By the text as sent: the engine's statements are constants, so the key costs a hash lookup;
  // folded into labels only when written.
  const byText = new Map<string, number>();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(this: unknown, config: unknown, ...rest: unknown[]) {
    const text =
      typeof config === 'string' ? config : typeof (config as QueryConfigLike)?.text === 'string' ? ((config as QueryConfigLike).text as string) : '';
    const kind = statementKind(text);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    byText.set(text, (byText.get(text) ?? 0) + 1);
    return original.call(this, config, ...rest);
  };
  const file = join(dir, `${process.pid}.json`);
  const write = () => {
    const statements: Record<string, number> = {};
    for (const [text, n] of byText) {
      const label = statementLabel(text);
      statements[label] = (statements[label] ?? 0) + n;
    }
    const body: SqlCountFile = { pid: process.pid, at: Date.now(), kinds, statements };
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
