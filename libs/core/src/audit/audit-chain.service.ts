import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chainCounts, chainPage, inTransaction, sealQueuedEvents, unsealedEvents } from '@app/dal';
import { BrokenLinkReason, checkLinks, GENESIS_HASH } from '@app/domain';

const SEAL_BATCH = 5_000;
const CHECK_PAGE = 5_000;

/** What GET /api/audit/verify answers. */
export interface AuditVerification {
  /** True when every sealed link holds and no event sits outside the chain. */
  ok: boolean;
  events: number;
  sealed: number;
  /** Events waiting to be sealed (the worker seals every few seconds). */
  queued: number;
  /** The first place where the trail does not hold, or null. */
  firstBroken: { seq: number | null; eventId: number; reason: BrokenLinkReason | 'outside-chain'; at?: Date; action?: string } | null;
}

/**
 * The audit trail as a hash chain: the worker seals events as they are committed; an administrator
 * checks the whole chain and learns the first link that does not hold (an event altered or removed,
 * a seal removed, or an event written past the engine's trigger).
 */
@Injectable()
export class AuditChain {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Seals everything queued; answers how many events were sealed. */
  async seal(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await inTransaction(this.db, (em) => sealQueuedEvents(em, SEAL_BATCH));
      total += sealed;
      if (sealed < SEAL_BATCH) return total;
    }
  }

  async verify(): Promise<AuditVerification> {
    const counts = await chainCounts(this.db);
    let previous = { hash: GENESIS_HASH, seq: 0 };
    for (;;) {
      const links = await chainPage(this.db, previous.seq, CHECK_PAGE);
      const check = checkLinks(links, previous);
      if (check.broken) return { ok: false, ...counts, queued: (await unsealedEvents(this.db)).queued, firstBroken: check.broken };
      if (links.length < CHECK_PAGE) break;
      previous = { hash: check.lastHash, seq: check.lastSeq };
    }
    const unsealed = await unsealedEvents(this.db);
    const outside = unsealed.firstOutside;
    return {
      ok: outside === null,
      ...counts,
      queued: unsealed.queued,
      firstBroken: outside ? { seq: null, eventId: outside.id, reason: 'outside-chain', at: outside.at, action: outside.action } : null,
    };
  }
}
