import { Logger } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { AdminBootstrap } from '@app/core';
import { dataSourceOptions, runMigrations } from '@app/dal';
import { useOwnSchema } from './kit/own-schema';
import { pgClient, PgClient } from './support/pg';

/**
 * BOOTSTRAP_ADMIN_PASSWORD creates the first administrator and nothing else: it never resets an
 * existing user's password nor makes an existing user an administrator, and the log says what it
 * did. Run against a fresh schema of its own, where the "first start" can happen several times.
 */
describe('admin bootstrap', () => {
  let db: DataSource;
  let pg: PgClient;
  let schema: string;
  const logs: string[] = [];

  const bootstrap = (username: string, password: string) => {
    const config: AppConfig = { ...loadConfig(), BOOTSTRAP_ADMIN_USERNAME: username, BOOTSTRAP_ADMIN_PASSWORD: password };
    return new AdminBootstrap(db, config).run();
  };
  const user = async (username: string) =>
    (
      await pg.query<{ password_hash: string; roles: string[] }>(
        `SELECT u.password_hash, array_remove(array_agg(r.role ORDER BY r.role), NULL) AS roles FROM users u LEFT JOIN role_assignments r ON r.user_id = u.id WHERE u.username = $1 GROUP BY u.id`,
        [username],
      )
    ).rows[0];
  const bootstraps = async () => Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'admin.bootstrap'`)).rows[0].n);

  beforeAll(async () => {
    schema = useOwnSchema().schema;
    const config = loadConfig();
    await runMigrations(config);
    db = await new DataSource(dataSourceOptions(config)).initialize();
    pg = await pgClient(schema);
    for (const level of ['log', 'warn'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logs.push(`${level}: ${String(args[0])}`);
      });
    }
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await db?.destroy();
    await pg?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pg?.end();
  });

  beforeEach(() => {
    logs.length = 0;
  });

  it('leaves a user who holds the username alone when no administrator exists, and says so', async () => {
    await pg.query(`INSERT INTO users (username, full_name, email, password_hash) VALUES ('admin', 'Người dùng thường', 'a@example.vn', $1)`, [
      await hash('mat-khau-cua-toi'),
    ]);
    expect(await bootstrap('admin', 'bootstrap-2025')).toBe('username-taken');
    const existing = await user('admin');
    expect(existing.roles).toEqual([]);
    expect(await verify(existing.password_hash, 'mat-khau-cua-toi')).toBe(true);
    expect(await bootstraps()).toBe(0);
    expect(logs).toEqual([
      expect.stringMatching(/^warn: BOOTSTRAP_ADMIN_PASSWORD: no administrator created: the username admin belongs to a user who is not an administrator/),
    ]);
  });

  it('creates the first administrator when none exists, and says so', async () => {
    expect(await bootstrap('quantri', 'bootstrap-2025')).toBe('created');
    const created = await user('quantri');
    expect(created.roles).toEqual(['admin']);
    expect(await verify(created.password_hash, 'bootstrap-2025')).toBe(true);
    expect(await bootstraps()).toBe(1);
    expect(logs).toEqual(['log: BOOTSTRAP_ADMIN_PASSWORD: created the first administrator quantri']);
  });

  it('never resets the password of an existing administrator on a later start, and says why nothing was created', async () => {
    expect(await bootstrap('quantri', 'mat-khau-khac-2025')).toBe('an-admin-exists');
    expect(await verify((await user('quantri')).password_hash, 'bootstrap-2025')).toBe(true);
    expect(await bootstrap('admin', 'mat-khau-khac-2025')).toBe('an-admin-exists');
    const other = await user('admin');
    expect(other.roles).toEqual([]);
    expect(await verify(other.password_hash, 'mat-khau-cua-toi')).toBe(true);
    expect(await bootstraps()).toBe(1);
    expect(logs).toEqual([
      expect.stringMatching(/^log: BOOTSTRAP_ADMIN_PASSWORD: no administrator created, as one exists; no user was changed/),
      expect.stringMatching(/^log: BOOTSTRAP_ADMIN_PASSWORD: no administrator created, as one exists/),
    ]);
  });

  it('does nothing without a password', async () => {
    const config: AppConfig = { ...loadConfig(), BOOTSTRAP_ADMIN_PASSWORD: undefined };
    expect(await new AdminBootstrap(db, config).run()).toBeNull();
    expect(logs).toEqual([]);
  });
});
