import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { appendOutbox, findOrgImport, insertOrgImport, inTransaction } from '@app/dal';
import { notFound } from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { sealContext, sealPassword } from './import-password-seal';
import { ImportSealKey } from './import-seal-key.service';
import { OrgImport } from './org-import';
import { assertImportConsistent } from './org-import-check';
import { IMPORT_ENDED, ImportFailure, importFailureError, importView, OrgImportView } from './org-import-view';

const POLL_MS = 100;

/**
 * The API's side of an org import: checks it, stores it with its passwords sealed, queues it through
 * the outbox (a worker hashes the passwords, never the API's event loop or thread pool), and waits
 * a bounded time for the worker, reading PostgreSQL, so a small import still answers with its counts.
 */
@Injectable()
export class OrgImports {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRelay,
    private readonly sealKey: ImportSealKey,
    private readonly config: AppConfig,
  ) {}

  /** The import once ended or ORG_IMPORT_WAIT_MS has passed; a refusal in the worker is thrown as the request's error. */
  async submit(data: OrgImport, actor: Actor): Promise<OrgImportView> {
    await assertImportConsistent(this.db, data);
    const key = await this.sealKey.get();
    const id = randomUUID();
    const payload = {
      units: data.units.map(({ code, name, kind, parent, place }) => ({ code, name, kind, parent, ...(place !== undefined ? { place } : {}) })),
      users: data.users.map(({ username, fullName, email, roles, positions, password }) => ({
        username,
        fullName,
        email,
        roles: roles.map(({ unit, role }) => ({ unit, role })),
        ...(positions !== undefined ? { positions: positions.map(({ unit, position }) => ({ unit, position })) } : {}),
        ...(password !== undefined ? { sealedPassword: sealPassword(key, password, sealContext(id, username)) } : {}),
      })),
    };
    const job = { name: JobName.ImportOrg, data: { importId: id } } as const;
    const outboxIds = await inTransaction(this.db, async (em) => {
      await insertOrgImport(em, {
        id,
        actorId: actor.id,
        actor: actor.username,
        unitsTotal: data.units.length,
        usersTotal: data.users.length,
        payload: JSON.stringify(payload),
      });
      return appendOutbox(em, [job]);
    });
    await this.outbox.relaySoon(outboxIds, [job]);
    const view = await this.waitFor(id, this.config.ORG_IMPORT_WAIT_MS);
    if (view.status === 'failed' && view.error) throw importFailureError(view.error);
    return view;
  }

  async view(id: string): Promise<OrgImportView> {
    const row = await findOrgImport<ImportFailure>(this.db, id);
    if (!row) throw notFound('Import', id);
    return importView(row);
  }

  private async waitFor(id: string, waitMs: number): Promise<OrgImportView> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const view = await this.view(id);
      if (IMPORT_ENDED.includes(view.status) || Date.now() >= deadline) return view;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    }
  }
}
