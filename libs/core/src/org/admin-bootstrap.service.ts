import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { anActiveAdministratorExists } from './admin-accounts';

/** What a start with BOOTSTRAP_ADMIN_PASSWORD did. */
export type BootstrapOutcome = 'created' | 'an-admin-exists' | 'username-taken';

/**
 * A fresh installation has no user to sign in with, yet importing the organisation needs an admin.
 * When BOOTSTRAP_ADMIN_PASSWORD is set and no active administrator exists, one global admin is
 * created, audited. It never touches an existing user: a password left in the environment must not
 * reset anybody's password on every restart, nor make an existing person an administrator. The log
 * says which of the three happened.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
  }

  async run(): Promise<BootstrapOutcome | null> {
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!password) {
      await this.tellHowWhenNoAdministrator();
      return null;
    }
    const username = this.config.BOOTSTRAP_ADMIN_USERNAME;
    const passwordHash = await hash(password);
    const outcome = await inTransaction(this.db, async (em): Promise<BootstrapOutcome> => {
      // One bootstrap at a time even with several API instances starting together.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.admin-bootstrap'))`);
      const admins = await em.query(`SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active LIMIT 1`);
      if (admins.length) return 'an-admin-exists';
      const [user] = await em.query(
        `INSERT INTO users (username, full_name, email, password_hash) VALUES ($1, 'Quản trị hệ thống', $2, $3)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [username, `${username}@localhost`, passwordHash],
      );
      if (!user) return 'username-taken';
      await em.query(`INSERT INTO role_assignments (user_id, unit_id, role) VALUES ($1, NULL, 'admin')`, [user.id]);
      await appendAuditEvents(em, [{ actorId: null, actor: 'system', action: 'admin.bootstrap', data: { username } }]);
      return 'created';
    });
    this.report(outcome, username);
    return outcome;
  }

  /** An installation nobody can administer says, at every start, how to make the first administrator. */
  private async tellHowWhenNoAdministrator(): Promise<void> {
    if (await anActiveAdministratorExists(this.db.manager)) return;
    this.logger.warn(
      'No administrator exists yet. Create one with `npm run admin -- create <username>` (it asks for the password, or reads it ' +
        'from standard input), or set BOOTSTRAP_ADMIN_PASSWORD for one start.',
    );
  }

  private report(outcome: BootstrapOutcome, username: string): void {
    if (outcome === 'created') {
      this.logger.log(`BOOTSTRAP_ADMIN_PASSWORD: created the first administrator ${username}`);
    } else if (outcome === 'an-admin-exists') {
      this.logger.log(`BOOTSTRAP_ADMIN_PASSWORD: no administrator created, as one exists; no user was changed (the setting can be removed)`);
    } else {
      this.logger.warn(
        `BOOTSTRAP_ADMIN_PASSWORD: no administrator created: the username ${username} belongs to a user who is not an administrator, ` +
          `whose password and roles were left as they are; choose another BOOTSTRAP_ADMIN_USERNAME`,
      );
    }
  }
}
