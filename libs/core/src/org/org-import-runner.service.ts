import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { inTransaction } from '@app/dal';
import { conflict, DOMAIN_ERROR_STATUS, DomainError } from '@app/domain';
import { openPassword, sealContext } from './import-password-seal';
import { decidePasswordHashes } from './import-passwords';
import { ImportProgress } from './import-progress';
import { ImportSealKey } from './import-seal-key.service';
import { OrgImport } from './org-import';
import { OrgImportApplier, PreparedImport } from './org-import-applier.service';
import { ImportFailure } from './org-import-view';

/** A user without `sealedPassword` came without a password: see decidePasswordHashes. */
type StoredPayload = { units: OrgImport['units']; users: (Omit<OrgImport['users'][number], 'password'> & { sealedPassword?: string })[] };

interface Claimed {
  payload: StoredPayload;
  actor_id: string | null;
  actor: string;
}

/**
 * The worker's side of an org import (job `org.import`): opens the sealed passwords, hashes them
 * ORG_IMPORT_HASH_CONCURRENCY at a time (keeping a stored hash that already matches), recording
 * progress in the import's row, then applies everything in one transaction that also marks the
 * import done and clears its payload. A refusal by the rules ends it as failed, with no retry; a
 * failure of PostgreSQL is retried by the queue, and the last attempt records it. Run twice (a
 * job added again after Redis lost it), the second run finds the import ended and does nothing.
 */
@Injectable()
export class OrgImportRunner {
  private readonly logger = new Logger(OrgImportRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applier: OrgImportApplier,
    private readonly sealKey: ImportSealKey,
    private readonly config: AppConfig,
  ) {}

  /** `signal` aborts the hashing when the worker shuts down: the import stays pending and is taken up again. */
  async run(importId: string, options: { finalAttempt: boolean; signal?: AbortSignal }): Promise<string> {
    const claimed = await this.claim(importId);
    if (!claimed) return `import ${importId} already ended`;
    try {
      const prepared = await this.prepare(importId, claimed, options.signal);
      await this.db.query(`UPDATE org_imports SET status = 'applying', updated_at = now() WHERE id = $1 AND status = 'hashing'`, [importId]);
      const applied = await inTransaction(this.db, async (em) => {
        const [row]: { status: string }[] = await em.query(`SELECT status FROM org_imports WHERE id = $1 FOR UPDATE`, [importId]);
        if (!row || row.status === 'done' || row.status === 'failed') return null;
        const outcome = await this.applier.apply(em, prepared);
        const result = { units: outcome.units, users: outcome.users, ...outcome.counts };
        await em.query(
          `UPDATE org_imports SET status = 'done', result = $2, payload = NULL, progress_done = users_total, finished_at = now(), updated_at = now() WHERE id = $1`,
          [importId, JSON.stringify(result)],
        );
        return outcome;
      });
      if (!applied) return `import ${importId} already ended`;
      await this.applier.afterCommit(applied.sync);
      return `import ${importId}: ${applied.units} unit(s), ${applied.users} user(s), ${applied.counts.passwordsChanged} password(s) changed`;
    } catch (error) {
      if (error instanceof DomainError) {
        await this.fail(importId, { statusCode: DOMAIN_ERROR_STATUS[error.code], message: error.message, code: error.code, details: error.details });
        return `import ${importId} refused: ${error.message}`;
      }
      if (options.finalAttempt && !options.signal?.aborted) {
        this.logger.error(`Import ${importId} failed for good: ${(error as Error).stack ?? error}`);
        await this.fail(importId, { statusCode: 500, message: 'The import could not be applied; the worker log says why' });
      }
      throw error;
    }
  }

  /** Marks the import as being worked on; null when it has ended already. */
  private async claim(importId: string): Promise<Claimed | null> {
    const [rows]: [Claimed[]] = await this.db.query(
      `UPDATE org_imports SET status = 'hashing', attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'hashing', 'applying') AND payload IS NOT NULL
       RETURNING payload, actor_id, actor`,
      [importId],
    );
    return rows[0] ?? null;
  }

  private async prepare(importId: string, claimed: Claimed, signal?: AbortSignal): Promise<PreparedImport> {
    const key = await this.sealKey.get();
    const users = claimed.payload.users.map(({ sealedPassword, ...user }) => {
      if (sealedPassword === undefined) return { ...user, password: undefined };
      try {
        return { ...user, password: openPassword(key, sealedPassword, sealContext(importId, user.username)) };
      } catch {
        throw conflict('The import’s passwords can no longer be read (the JWT secret changed since it was stored); send the import again');
      }
    });
    const stored: { username: string; password_hash: string }[] = users.length
      ? await this.db.query(`SELECT username, password_hash FROM users WHERE username = ANY($1)`, [users.map((u) => u.username)])
      : [];
    const progress = new ImportProgress(this.db, importId);
    const decisions = await decidePasswordHashes(
      users,
      new Map(stored.map((s) => [s.username, s.password_hash])),
      { hash: (p) => hash(p), verify },
      {
        concurrency: this.config.ORG_IMPORT_HASH_CONCURRENCY,
        onProgress: (done) => progress.report(done),
        signal,
      },
    );
    await progress.flush();
    return {
      importId,
      units: claimed.payload.units,
      users: users.map(({ password, ...user }, i) => ({
        ...user,
        passwordHash: decisions[i].hash,
        replacesHash: decisions[i].replaces,
        passwordGiven: password !== undefined,
      })),
      actor: { id: claimed.actor_id, username: claimed.actor },
    };
  }

  private async fail(importId: string, failure: ImportFailure): Promise<void> {
    await this.db.query(
      `UPDATE org_imports SET status = 'failed', error = $2, payload = NULL, finished_at = now(), updated_at = now() WHERE id = $1 AND status <> 'done'`,
      [importId, JSON.stringify(failure)],
    );
  }
}
