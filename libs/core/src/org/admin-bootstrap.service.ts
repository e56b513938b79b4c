import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { appendAuditEvents, inTransaction } from '@app/dal';

/**
 * A fresh installation has no user to sign in with, yet importing the organisation needs an admin.
 * When BOOTSTRAP_ADMIN_PASSWORD is set and no admin exists, one global admin is created, audited.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!password) return;
    const username = this.config.BOOTSTRAP_ADMIN_USERNAME;
    const passwordHash = await hash(password);
    await inTransaction(this.db, async (em) => {
      // One bootstrap at a time even with several API instances starting together.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('tongket.admin-bootstrap'))`);
      const admins = await em.query(`SELECT 1 FROM role_assignments WHERE role = 'admin' LIMIT 1`);
      if (admins.length) return;
      const [user] = await em.query(
        `INSERT INTO users (username, full_name, email, password_hash) VALUES ($1, 'Quản trị hệ thống', $2, $3)
         ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
        [username, `${username}@localhost`, passwordHash],
      );
      await em.query(`INSERT INTO role_assignments (user_id, unit_id, role) VALUES ($1, NULL, 'admin') ON CONFLICT DO NOTHING`, [user.id]);
      await appendAuditEvents(em, [{ actorId: null, actor: 'system', action: 'admin.bootstrap', data: { username } }]);
      this.logger.log(`Created the first administrator ${username}`);
    });
  }
}
