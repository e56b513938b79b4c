import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { OutboxRelay } from './outbox-relay.service';

const KEY = 'relayAfterCommit';

/**
 * Outbox rows a transaction wrote deep inside it (the e-mails of the notices a stage entry
 * creates), relayed as soon as it commits, as the callers of `relaySoon` do with their own rows:
 * without it they waited for the worker's periodic relay, seconds later. Rows of a transaction
 * rolled back are never relayed; a process that dies first leaves them to the periodic relay.
 */
export function relayAfterCommit(em: EntityManager, outboxIds: readonly string[]): void {
  const runner = em.queryRunner;
  if (!runner || outboxIds.length === 0) return;
  ((runner.data[KEY] ??= []) as string[]).push(...outboxIds);
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
    const ids = runner.data?.[KEY] as string[] | undefined;
    // Only the outermost commit makes the rows visible to the relay's own connection.
    if (!ids?.length || runner.isTransactionActive) return;
    runner.data[KEY] = [];
    // Not awaited: the committing connection is released now, the relay takes its own.
    void this.outbox.relaySoon(ids);
  }
}
