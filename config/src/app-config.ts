import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsNotEmpty, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IsStrongJwtSecret } from './jwt-secret';
import { emptyAsUnset, IsCronPattern, toStrictBoolean } from './setting-formats';
import { IsTrustProxy } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the engine reads, from environment variables, validated once at start-up. The
 * defaults fit the local PostgreSQL and Redis of a development machine.
 */
export class AppConfig {
  @IsString() @IsNotEmpty() PG_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) PG_PORT = 5432;
  /**
   * The role the API and workers connect as: it reads and writes the working tables but may only
   * add to and read the audit trail, and owns nothing (so it cannot disable the audit's triggers).
   */
  @IsString() @IsNotEmpty() PG_USER = 'tongket_engine';
  @IsString() PG_PASSWORD = '';
  /** The role that owns the schema and runs the migrations; the same as PG_USER gives up that protection. */
  @IsString() @IsNotEmpty() PG_MIGRATION_USER = 'tongket_owner';
  @IsString() PG_MIGRATION_PASSWORD = '';
  /**
   * `auto`: the API and the workers apply pending migrations at start (one at a time, under an
   * advisory lock); `manual`: they refuse to start while any is pending (run `npm run migrate`).
   */
  @IsIn(['auto', 'manual'], { message: 'MIGRATIONS must be auto or manual' }) MIGRATIONS: 'auto' | 'manual' = 'auto';
  @IsString() @IsNotEmpty() PG_DATABASE = 'test';
  /** Schema holding every table; tests and the demo use their own so runs never collide. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/) PG_SCHEMA = 'public';
  @Transform(toInt) @IsInt() @Min(1) @Max(200) PG_POOL_SIZE = 10;
  /**
   * Repeated statements go out as named prepared statements, parsed and planned once per
   * connection. Turn off behind a connection pooler that cannot carry them (PgBouncer in
   * transaction mode before 1.21, or without max_prepared_statements).
   */
  @Transform(toStrictBoolean) @IsBoolean({ message: 'PG_NAMED_STATEMENTS must be true, false, 1 or 0' }) PG_NAMED_STATEMENTS = true;

  @IsString() @IsNotEmpty() REDIS_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) REDIS_PORT = 6379;
  /** Key prefix of every queue; in braces so all keys of a queue land on one Redis Cluster slot. */
  @Matches(/^[A-Za-z0-9:_{}-]{1,64}$/) QUEUE_PREFIX = '{tongket}';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** `production` makes JWT_SECRET mandatory. */
  @IsString() NODE_ENV = 'development';
  /**
   * Signing secret of access tokens: at least 32 characters, not a known example. Required in
   * production; elsewhere, when unset, the API generates one per installation and keeps it in the
   * database (table installation_secrets), so no secret is ever written in the code.
   */
  @IsStrongJwtSecret() JWT_SECRET?: string = undefined;
  @Matches(/^\d+[smhd]$/) JWT_EXPIRES_IN = '8h';
  @Transform(toInt) @IsInt() @Min(1) @Max(256) WORKER_CONCURRENCY = 16;
  /** How often the reconciler looks for decisions PostgreSQL holds but no queue job carries. */
  @Transform(toInt) @IsInt() @Min(1000) RECONCILE_INTERVAL_MS = 60_000;
  /** How often a worker seals new audit events into the hash chain. */
  @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000) AUDIT_SEAL_INTERVAL_MS = 5_000;
  /** Failed logins allowed per username and address before they are refused for a while (429). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) LOGIN_MAX_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(1) @Max(1440) LOGIN_LOCK_MINUTES = 15;
  /** Failed logins allowed from one address, whatever the usernames (password spraying), per LOGIN_LOCK_MINUTES. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000) LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
  /**
   * Fastify's `trustProxy`: which X-Forwarded-For hops to believe, so the client's address (login
   * throttling, the audit trail) is the person's, not the reverse proxy's. Off by default.
   */
  @IsTrustProxy() TRUST_PROXY = 'false';
  /**
   * Bearer token Prometheus sends to GET /metrics (`authorization: credentials`), compared in
   * constant time; unset, only administrators' access tokens read the metrics.
   */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32)' })
  @Matches(/^[\x21-\x7e]+$/, { message: 'METRICS_TOKEN must be printable ASCII without spaces' })
  METRICS_TOKEN?: string = undefined;
  /** SMTP relay for e-mail notifications (a local relay or sink by default). */
  @IsString() @IsNotEmpty() SMTP_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) SMTP_PORT = 1025;
  /** `true`/`false`/`1`/`0`; any other value stops start-up. */
  @Transform(toStrictBoolean) @IsBoolean({ message: 'SMTP_SECURE must be true, false, 1 or 0' }) SMTP_SECURE = false;
  @Transform(emptyAsUnset) @IsOptional() @IsString() SMTP_USER?: string = undefined;
  @Transform(emptyAsUnset) @IsOptional() @IsString() SMTP_PASSWORD?: string = undefined;
  @IsString() @MinLength(3) MAIL_FROM = 'Tổng kết <tongket@localhost>';
  /**
   * The address people open the web app at (scheme, host, optional path): an e-mail links to the
   * page that acts on its notice under it, which opens after sign-in.
   */
  @Matches(/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/, { message: 'PUBLIC_URL must be an http(s) address such as https://tongket.example.vn' })
  PUBLIC_URL = 'http://localhost:3000';
  /** Where the built web app is (`vite build`'s output); unset: dist/web of the installation. */
  @Transform(emptyAsUnset) @IsOptional() @IsString() WEB_DIST_DIR?: string = undefined;
  /** When the daily digest goes out, in Asia/Ho_Chi_Minh time (cron syntax). */
  @IsCronPattern() DIGEST_CRON = '30 7 * * *';
  /**
   * Beyond this many included units, a consolidated Word document carries only the texts of the
   * units directly below (the full texts stay in the JSON consolidation).
   */
  @Transform(toInt) @IsInt() @Min(1) DOCX_FULL_TEXT_MAX_UNITS = 300;
  /**
   * Worker threads that render Word documents, off the API's event loop; more requests wait for one.
   * Each has a heap of its own (50-150 MB while rendering), so one by default on a small machine.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(16) DOCX_RENDER_THREADS = 1;
  /** Heavy requests (documents, consolidations, progress) one user may have running at once per API process; beyond, 429. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) HEAVY_REQUESTS_PER_USER = 2;
  /** Password checks (argon2) the API runs at once for logins; the others wait their turn, so logins never fill the thread pool. */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) LOGIN_VERIFY_CONCURRENCY = 2;
  /** Passwords a worker hashes or checks at once while applying an org import. */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) ORG_IMPORT_HASH_CONCURRENCY = 2;
  /** How long POST /api/org/import waits for the worker before answering 202 with the import's progress. */
  @Transform(toInt) @IsInt() @Min(0) @Max(600_000) ORG_IMPORT_WAIT_MS = 20_000;
  /** How long a set-password link sent by e-mail stays usable, in days (it is also used once only). */
  @Transform(toInt) @IsInt() @Min(1) @Max(30) SET_PASSWORD_LINK_DAYS = 7;

  /**
   * First start only: when no administrator exists yet, create one with this username and password,
   * so a fresh installation can import its organisation. Unset (no default) in production.
   */
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/) BOOTSTRAP_ADMIN_USERNAME = 'admin';
  @Transform(emptyAsUnset) @IsOptional() @IsString() @MinLength(8) BOOTSTRAP_ADMIN_PASSWORD?: string = undefined;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
}

export class ConfigError extends Error {}

/** Settings whose refused value is not repeated in the error: the log would keep it. */
const SECRET_SETTINGS = new Set(['JWT_SECRET', 'PG_PASSWORD', 'PG_MIGRATION_PASSWORD', 'SMTP_PASSWORD', 'BOOTSTRAP_ADMIN_PASSWORD', 'METRICS_TOKEN']);

/** Reads and validates the settings; a bad value throws an error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const given = Object.fromEntries(
    Object.keys(defaults)
      .filter((k) => env[k] !== undefined)
      .map((k) => [k, env[k]]),
  );
  const config = plainToInstance(AppConfig, { ...defaults, ...given });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const shown = (e: (typeof errors)[number]) => (SECRET_SETTINGS.has(e.property) ? '(hidden)' : JSON.stringify(given[e.property] ?? e.value));
    const lines = errors.map((e) => `${e.property}=${shown(e)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
