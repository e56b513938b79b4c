import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  anActiveAdministratorRemains,
  appendAuditEvents,
  grantGlobalAdminRole,
  insertBootstrapAdministrator,
  inTransaction,
  takeAdminBootstrapTurn,
} from '@app/dal';
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
      await takeAdminBootstrapTurn(em);
      if (await anActiveAdministratorRemains(em)) return 'an-admin-exists';
      const userId = await insertBootstrapAdministrator(em, username, passwordHash);
      if (!userId) return 'username-taken';
      await grantGlobalAdminRole(em, userId);
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
