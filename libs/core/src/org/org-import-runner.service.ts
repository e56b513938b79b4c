import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  claimOrgImport,
  ClaimedOrgImportRow,
  failOrgImport,
  finishOrgImport,
  inTransaction,
  lockOrgImportStatus,
  markOrgImportApplying,
  storedPasswordHashes,
} from '@app/dal';
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

type Claimed = ClaimedOrgImportRow<StoredPayload>;

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
      await markOrgImportApplying(this.db, importId);
      const applied = await inTransaction(this.db, async (em) => {
        const status = await lockOrgImportStatus(em, importId);
        if (!status || status === 'done' || status === 'failed') return null;
        const outcome = await this.applier.apply(em, prepared);
        const result = { units: outcome.units, users: outcome.users, ...outcome.counts };
        await finishOrgImport(em, importId, JSON.stringify(result));
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
    return (await claimOrgImport<StoredPayload>(this.db, importId)) ?? null;
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
    const stored = users.length
      ? await storedPasswordHashes(
          this.db,
          users.map((u) => u.username),
        )
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
    await failOrgImport(this.db, importId, JSON.stringify(failure));
  }
}
