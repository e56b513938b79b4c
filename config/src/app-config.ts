import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsNotEmpty, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IsCronPattern, toStrictBoolean } from './setting-formats';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the engine reads, from environment variables, validated once at start-up. The
 * defaults fit the local PostgreSQL and Redis of a development machine.
 */
export class AppConfig {
  @IsString() @IsNotEmpty() PG_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) PG_PORT = 5432;
  @IsString() @IsNotEmpty() PG_USER = 'postgres';
  @IsString() PG_PASSWORD = '';
  @IsString() @IsNotEmpty() PG_DATABASE = 'test';
  /** Schema holding every table; tests and the demo use their own so runs never collide. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/) PG_SCHEMA = 'public';
  @Transform(toInt) @IsInt() @Min(1) @Max(200) PG_POOL_SIZE = 10;

  @IsString() @IsNotEmpty() REDIS_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) REDIS_PORT = 6379;
  /** Key prefix of every queue; in braces so all keys of a queue land on one Redis Cluster slot. */
  @Matches(/^[A-Za-z0-9:_{}-]{1,64}$/) QUEUE_PREFIX = '{tongket}';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() @MinLength(16) JWT_SECRET = 'tong-ket-development-secret-change-me';
  @Matches(/^\d+[smhd]$/) JWT_EXPIRES_IN = '8h';
  @Transform(toInt) @IsInt() @Min(1) @Max(256) WORKER_CONCURRENCY = 16;
  /** How often the reconciler looks for decisions PostgreSQL holds but no queue job carries. */
  @Transform(toInt) @IsInt() @Min(1000) RECONCILE_INTERVAL_MS = 60_000;
  /** Failed logins allowed per username and address before they are refused for a while (429). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) LOGIN_MAX_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(1) @Max(1440) LOGIN_LOCK_MINUTES = 15;
  /** SMTP relay for e-mail notifications (a local relay or sink by default). */
  @IsString() @IsNotEmpty() SMTP_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) SMTP_PORT = 1025;
  /** `true`/`false`/`1`/`0`; any other value stops start-up. */
  @Transform(toStrictBoolean) @IsBoolean({ message: 'SMTP_SECURE must be true, false, 1 or 0' }) SMTP_SECURE = false;
  @IsOptional() @IsString() SMTP_USER?: string = undefined;
  @IsOptional() @IsString() SMTP_PASSWORD?: string = undefined;
  @IsString() @MinLength(3) MAIL_FROM = 'Tổng kết <tongket@localhost>';
  /** When the daily digest goes out, in Asia/Ho_Chi_Minh time (cron syntax). */
  @IsCronPattern() DIGEST_CRON = '30 7 * * *';
  /**
   * Beyond this many included units, a consolidated Word document carries only the texts of the
   * units directly below (the full texts stay in the JSON consolidation).
   */
  @Transform(toInt) @IsInt() @Min(1) DOCX_FULL_TEXT_MAX_UNITS = 300;

  /**
   * First start only: when no administrator exists yet, create one with this username and password,
   * so a fresh installation can import its organisation. Unset (no default) in production.
   */
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/) BOOTSTRAP_ADMIN_USERNAME = 'admin';
  @IsOptional() @IsString() @MinLength(8) BOOTSTRAP_ADMIN_PASSWORD?: string = undefined;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
}

export class ConfigError extends Error {}

/** Reads and validates the settings; a bad value throws an error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const given = Object.fromEntries(Object.keys(defaults).filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const config = plainToInstance(AppConfig, { ...defaults, ...given });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}=${JSON.stringify(given[e.property] ?? e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}
