// The few parts of `pg` the bench uses: the package ships no types and @types/pg is not a dependency.
declare module 'pg' {
  export interface QueryResult<R> {
    rows: R[];
    rowCount: number | null;
  }
  export interface PoolConfig {
    host?: string;
    port?: number;
    user?: string;
    password?: string;
    database?: string;
    max?: number;
    /** Command-line options sent at connection start, e.g. `-c search_path=x`. */
    options?: string;
  }
  export class Pool {
    constructor(config?: PoolConfig);
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
    connect(): Promise<PoolClient>;
  }
  /** One connection of its own, outside any pool. */
  export class Client {
    constructor(config?: PoolConfig);
    connect(): Promise<void>;
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
  }
  export interface PoolClient {
    query<R = any>(text: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<QueryResult<R>>;
    release(): void;
  }
}
