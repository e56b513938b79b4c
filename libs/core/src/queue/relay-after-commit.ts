import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { DelayedJob } from './job-queue';
import { OutboxRelay } from './outbox-relay.service';

const KEY = 'relayAfterCommit';

/** Rows waiting for the commit: those whose jobs the writer passed (`jobs[i]` is row `ids[i]`), and the others. */
interface Waiting {
  known: { ids: string[]; jobs: DelayedJob[] };
  unknown: string[];
}

/**
 * Outbox rows a transaction wrote deep inside it (the e-mails of the notices a stage entry
 * creates), relayed as soon as it commits, as the callers of `relaySoon` do with their own rows:
 * without it they waited for the worker's periodic relay, seconds later. Rows of a transaction
 * rolled back are never relayed; a process that dies first leaves them to the periodic relay.
 * With the rows' jobs (`jobs[i]` is row `outboxIds[i]`), they go to Redis without reading the rows
 * back under a lock: one statement after the commit instead of four (see `OutboxRelay.relaySoon`).
 */
export function relayAfterCommit(em: EntityManager, outboxIds: readonly string[], jobs?: readonly DelayedJob[]): void {
  const runner = em.queryRunner;
  if (!runner || outboxIds.length === 0) return;
  const waiting = (runner.data[KEY] ??= { known: { ids: [], jobs: [] }, unknown: [] } satisfies Waiting) as Waiting;
  if (jobs && jobs.length === outboxIds.length) {
    waiting.known.ids.push(...outboxIds);
    waiting.known.jobs.push(...jobs);
  } else {
    waiting.unknown.push(...outboxIds);
  }
}

/** The subscriber that relays them: one per data source, registered when the queue module starts. */
@Injectable()
export class RelayAfterCommit implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly outbox: OutboxRelay,
  ) {
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    const waiting = runner.data?.[KEY] as Waiting | undefined;
    // Only the outermost commit makes the rows visible to the relay's own connection.
    if (!waiting || runner.isTransactionActive) return;
    delete runner.data[KEY];
    // Not awaited: the committing connection is released now, the relay takes its own.
    void this.outbox.relaySoon(waiting.known.ids, waiting.known.jobs);
    void this.outbox.relaySoon(waiting.unknown);
  }
}
