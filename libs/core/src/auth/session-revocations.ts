import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CheckedSessions } from './checked-sessions';

/** The channel the session triggers notify on (migration SessionRevocationNotices). */
const CHANNEL = 'tongket_sessions_revoked';
const RETRY_MS = [100, 500, 2_000, 5_000];

/** What is used of node-postgres' Client (the package ships no types; TypeORM loads it). */
interface ListeningClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'error' | 'end', listener: (error?: Error) => void): void;
  on(event: 'notification', listener: (message: { payload?: string }) => void): void;
  removeAllListeners(): void;
}
type ClientClass = new (config: Record<string, unknown>) => ListeningClient;

/**
 * Hears every ended session and changed user of this schema over a PostgreSQL connection of its own
 * (LISTEN), and has the process's checked sessions forget them. It connects on the first request
 * that checks a token (a worker never does); until it listens, and whenever the connection is lost,
 * every request asks the database, as before there was a cache.
 */
@Injectable()
export class SessionRevocations implements OnModuleDestroy {
  readonly checked = new CheckedSessions();
  private readonly log = new Logger(SessionRevocations.name);
  private client: ListeningClient | null = null;
  private starting = false;
  private closed = false;
  private failures = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Starts listening if nobody has yet; returns at once (the request then asks the database). */
  listen(): void {
    if (this.client || this.starting || this.closed) return;
    this.starting = true;
    this.connect()
      .catch((error: unknown) => this.lost(error))
      .finally(() => (this.starting = false));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.checked.heard(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const options = this.db.options as PostgresDataSourceOptions;
    const { Client } = (this.db.driver as PostgresDriver).postgres as { Client: ClientClass };
    const client = new Client({
      host: options.host,
      port: options.port,
      user: options.username,
      password: typeof options.password === 'string' ? options.password : undefined,
      database: options.database,
      application_name: `tongket-revocations:${options.schema ?? 'public'}`,
    });
    client.on('error', (error) => this.lost(error ?? new Error('connection error'), client));
    client.on('end', () => this.lost(new Error('connection ended'), client));
    client.on('notification', (message) => this.heardNotice(message.payload));
    await client.connect();
    // A command to this connection of its own, not data access: nothing for a repository to hold.
    // eslint-disable-next-line no-restricted-syntax
    await client.query(`LISTEN ${CHANNEL}`);
    if (this.closed) return void (await client.end());
    this.client = client;
    this.failures = 0;
    this.checked.heard(true);
  }

  private heardNotice(payload: string | undefined): void {
    const notice = parseNotice(payload);
    if (!notice) return this.checked.heard(true); // unreadable: forget everything, keep listening
    if (notice.schema !== (this.db.options as PostgresDataSourceOptions).schema) return;
    if (notice.session) this.checked.forgetSession(notice.session);
    if (notice.user) this.checked.forgetUser(notice.user);
  }

  /** Notices may have been missed: trust nothing kept, and listen again after a pause. */
  private lost(error: unknown, client?: ListeningClient): void {
    if (client && client !== this.client) return;
    this.checked.heard(false);
    this.client = null;
    client?.removeAllListeners();
    client?.end().catch(() => undefined);
    if (this.closed) return;
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.log.warn(`Not hearing session revocations (${(error as Error).message}); every request asks the database until listening again in ${delay} ms`);
    setTimeout(() => this.listen(), delay).unref();
  }
}

function parseNotice(payload: string | undefined): { schema: string; session?: string; user?: string } | null {
  try {
    const value: unknown = JSON.parse(payload ?? '');
    if (typeof value !== 'object' || value === null || typeof (value as { schema?: unknown }).schema !== 'string') return null;
    return value as { schema: string; session?: string; user?: string };
  } catch {
    return null;
  }
}
