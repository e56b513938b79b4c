import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { sleep } from './poll';
import type { SqlCountFile } from './sql-count-preload';

/** The preload the engine's processes get (`--require`), built next to this file. */
export const SQL_COUNT_PRELOAD = resolve(__dirname, 'sql-count-preload.js');

/** Statements that only open or close a transaction: shown apart, so both totals can be read. */
const TRANSACTION_CONTROL = new Set(['BEGIN', 'START TRANSACTION', 'COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE SAVEPOINT', 'SET TRANSACTION']);

/** Statements one process sent so far, by kind ("SELECT", "START TRANSACTION", ...) and by statement (label). */
export interface ProcessSqlCounts {
  kinds: Record<string, number>;
  statements: Record<string, number>;
}

/** Statements sent so far, by process (name). */
export type SqlCounts = Record<string, ProcessSqlCounts>;

/**
 * Reads the counts the engine's processes write (sql-count-preload.ts) into one directory, one file
 * per pid. `snapshot` asks each process to write them (SIGUSR2) and reads them 250 ms later, so
 * statements sent up to the moment it is called are in.
 */
export class SqlCounter {
  constructor(readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** The environment for a counted process: the preload added to NODE_OPTIONS. */
  env(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return { ...base, BENCH_SQL_COUNT_DIR: this.dir, NODE_OPTIONS: `${base.NODE_OPTIONS ?? ''} --require ${SQL_COUNT_PRELOAD}`.trim() };
  }

  /** `pids` must be processes started with `env` (they handle SIGUSR2); any other would be ended by it, the bench's own first. */
  async snapshot(pids: Record<string, number>): Promise<SqlCounts> {
    for (const pid of Object.values(pids)) {
      if (pid === process.pid) throw new Error('SqlCounter.snapshot: the bench counts no SQL of its own, and SIGUSR2 would end it');
      try {
        process.kill(pid, 'SIGUSR2');
      } catch {
        // Ended: its file holds what it wrote on exit.
      }
    }
    await sleep(250);
    const out: SqlCounts = {};
    for (const [name, pid] of Object.entries(pids)) {
      try {
        const file = JSON.parse(readFileSync(join(this.dir, `${pid}.json`), 'utf8')) as SqlCountFile;
        out[name] = { kinds: file.kinds, statements: file.statements };
      } catch {
        out[name] = { kinds: {}, statements: {} };
      }
    }
    return out;
  }
}

/**
 * Statements between two snapshots: by process and kind, totals with and without transaction
 * control, and by statement ("api: SELECT …"; the workers as one, "worker: …"), most sent first.
 */
export interface SqlDelta {
  byProcess: Record<string, number>;
  byKind: Record<string, number>;
  total: number;
  withoutTransactionControl: number;
  byStatement: { statement: string; count: number }[];
}

export function sqlDelta(from: SqlCounts, to: SqlCounts): SqlDelta {
  const byProcess: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  const byStatement = new Map<string, number>();
  for (const [name, counts] of Object.entries(to)) {
    for (const [kind, n] of Object.entries(counts.kinds)) {
      const d = n - (from[name]?.kinds[kind] ?? 0);
      if (!d) continue;
      byProcess[name] = (byProcess[name] ?? 0) + d;
      byKind[kind] = (byKind[kind] ?? 0) + d;
    }
    const role = name.replace(/\d+$/, '');
    for (const [label, n] of Object.entries(counts.statements)) {
      const d = n - (from[name]?.statements[label] ?? 0);
      if (d) byStatement.set(`${role}: ${label}`, (byStatement.get(`${role}: ${label}`) ?? 0) + d);
    }
  }
  const total = Object.values(byKind).reduce((a, n) => a + n, 0);
  const control = Object.entries(byKind).reduce((a, [k, n]) => a + (TRANSACTION_CONTROL.has(k) ? n : 0), 0);
  const statements = [...byStatement].map(([statement, count]) => ({ statement, count })).sort((a, b) => b.count - a.count);
  return { byProcess, byKind, total, withoutTransactionControl: total - control, byStatement: statements };
}

/** One line: statements per unit of work, all and without transaction control, by process and by kind. */
export function perUnitSql(d: SqlDelta, count: number): string {
  const per = (n: number) => (count ? (n / count).toFixed(2) : 'n/a');
  const processes = Object.entries(d.byProcess)
    .map(([k, n]) => `${k} ${per(n)}`)
    .join(', ');
  const kinds = Object.entries(d.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${per(n)}`)
    .join(', ');
  return `${per(d.total)} (${per(d.withoutTransactionControl)} without transaction control); ${processes}; ${kinds}`;
}

/**
 * pg_stat_statements' total of calls by the engine's role, when the server loaded it
 * (shared_preload_libraries) and the extension exists in this database; undefined otherwise. It
 * counts the role's statements in the whole database, other users of the role included: a
 * cross-check of the counts taken in the processes, meaningful on an otherwise idle server.
 */
export async function pgStatStatementsCalls(pool: Pool, role: string): Promise<number | undefined> {
  const {
    rows: [state],
  } = await pool.query<{ loaded: boolean; created: boolean }>(
    `SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%' AS loaded,
            EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS created`,
  );
  if (!state.loaded || !state.created) return undefined;
  const {
    rows: [calls],
  } = await pool.query<{ n: string }>(
    `SELECT coalesce(sum(s.calls), 0)::text AS n FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
      WHERE r.rolname = $1 AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [role],
  );
  return Number(calls.n);
}
