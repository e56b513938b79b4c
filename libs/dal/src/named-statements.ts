import { createHash } from 'node:crypto';

/** What is used of node-postgres (the package ships no types; TypeORM loads the same copy). */
interface PgClientClass {
  new (config?: unknown): { query(config: unknown, ...rest: unknown[]): unknown };
  prototype: { query(config: unknown, ...rest: unknown[]): unknown };
}

/** Statement texts named at most per process: each connection prepares each of them once. */
const MAX_NAMED = 400;
/** Texts with more parameters are bulk writes or lists of ids whose text changes with their length. */
const MAX_PARAMETERS = 32;
/** A star standing for columns (`SELECT *`, `r.*`, `RETURNING *`), not `count(*)` or a product. */
const WHOLE_ROW = /(?:\bSELECT|\bRETURNING|\bDISTINCT|,|\.|\))\s*\*/i;
/** Texts seen once and not named yet; the set starts again when it fills up. */
const MAX_CANDIDATES = 5_000;

/**
 * Which statement texts are sent as named prepared statements: a text with parameters, seen a
 * second time in this process, while fewer than MAX_NAMED are named, unless a star in it stands for
 * a row's columns. PostgreSQL then parses and plans it once per connection instead of on every call
 * (node-postgres sends an unnamed Parse for each query with parameters). A text seen once is left alone: most SQL with changing text (lists
 * of ids, bulk inserts) never repeats exactly, and naming it would only fill each connection.
 */
export class StatementNames {
  private readonly named = new Map<string, string>();
  private readonly seenOnce = new Set<string>();

  nameOf(text: string, parameterCount: number): string | undefined {
    const name = this.named.get(text);
    if (name !== undefined || parameterCount === 0 || parameterCount > MAX_PARAMETERS || this.named.size >= MAX_NAMED) return name;
    // `SELECT *`, `t.*` or `RETURNING *` prepared before a migration adds a column fails after it
    // ("cached plan must not change result type") in a process still running: such texts stay unnamed.
    if (WHOLE_ROW.test(text)) return undefined;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= MAX_CANDIDATES) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    // The same text gets the same name in every process; node-postgres refuses one name for two texts.
    const fresh = `tk_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.named.set(text, fresh);
    return fresh;
  }

  get size(): number {
    return this.named.size;
  }
}

/**
 * A node-postgres Client whose queries with parameters go out as named prepared statements when
 * `names` says so; anything else (a config object, a callback, no parameters) passes through as is.
 * Given to the pool through TypeORM's `extra.Client`.
 */
export function clientNamingStatements(Client: PgClientClass, names: StatementNames): PgClientClass {
  return class NamingClient extends Client {
    query(config: unknown, ...rest: unknown[]): unknown {
      const [values, callback] = rest;
      if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
        const name = names.nameOf(config, values.length);
        if (name) return super.query({ name, text: config, values });
      }
      return super.query(config, ...rest);
    }
  };
}
