import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  listLaunchedPlanIds,
  listReportsNeedingDecision,
  listAllRunningMigrationIds,
  listStalledLaunchIds,
  listStalledOrgImportIds,
  listUnappliedDecisionIds,
} from '@app/dal';
import {
  ConsolidationFlows,
  DigestService,
  EmailDelivery,
  EngineInstance,
  JobQueue,
  OutboxRelay,
  PasswordLinkDelivery,
  registerWorkers,
  ReminderScheduler,
} from '@app/core';
import { AnyJob, JobName } from '@app/jobs';
import { LocalWorkers } from './local-workers';

const BATCH = 10_000;

/**
 * Redis keeps nothing on disk here: PostgreSQL holds every decision and launch until a worker has
 * applied it, every open task's due date and every unsent e-mail. On start and every few minutes,
 * queue again whatever is still pending there; the deterministic job ids and the idempotent
 * processors make a repeat harmless.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  private timer?: NodeJS.Timeout;
  private relayTimer?: NodeJS.Timeout;
  private relaying = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly reminders: ReminderScheduler,
    private readonly emails: EmailDelivery,
    private readonly digest: DigestService,
    private readonly flows: ConsolidationFlows,
    private readonly outbox: OutboxRelay,
    private readonly passwordLinks: PasswordLinkDelivery,
    private readonly instance: EngineInstance,
    private readonly workers: LocalWorkers,
  ) {}

  onApplicationBootstrap(): void {
    void this.reconcile(0);
    this.timer = setInterval(() => void this.reconcile(5_000), this.config.RECONCILE_INTERVAL_MS);
    this.timer.unref();
    // The outbox's slow path: rows an API committed but could not relay itself (it died, Redis was away).
    this.relayTimer = setInterval(() => void this.relayOutbox(), 1_000);
    this.relayTimer.unref();
  }

  /** No new rounds once shutdown begins; the queues it feeds close right after. */
  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
    clearInterval(this.relayTimer);
  }

  private async relayOutbox(): Promise<void> {
    if (this.relaying) return;
    this.relaying = true;
    try {
      for (let pass = 0; pass < 20 && (await this.outbox.relay(undefined, 2_000)) > 0; pass++);
    } catch (error) {
      this.logger.warn(`Outbox relay failed, will retry: ${(error as Error).message}`);
    } finally {
      this.relaying = false;
    }
  }

  async reconcile(minAgeMs: number): Promise<void> {
    // Before anything is re-queued: another engine must not mistake this one's jobs for orphans.
    await this.guard('this engine’s workers', () => registerWorkers(this.instance, this.workers.all()));
    await this.reconcileTransitions(minAgeMs);
    await this.guard('reminders', async () => {
      const added = await this.reminders.reconcile();
      if (added) this.logger.log(`Re-created ${added} reminder or escalation job(s) missing from Redis`);
    });
    await this.guard('the daily digest schedule', () => this.digest.ensureSchedule());
    // A 07:30 that passed without a worker, or without its scheduler (Redis lost it), is caught up once.
    await this.guard('today’s digest', async () => {
      const sent = await this.digest.catchUp();
      if (sent?.created) this.logger.log(`Sent ${sent.created} missed digest(s) of ${sent.day}`);
    });
    await this.guard('the outbox', () => this.outbox.prune());
    await this.guard('consolidation flows', async () => {
      for (const planId of await listLaunchedPlanIds(this.db)) await this.flows.ensure(planId);
    });
    await this.guard('e-mails', async () => {
      const ids = await this.emails.pendingIds(BATCH);
      // Under a large backlog most pending e-mails still have their job: add only those Redis lost.
      const lost = await this.queue.missing(ids.map((notificationId) => ({ name: JobName.SendEmail, data: { notificationId } }) as const));
      await this.queue.enqueue(...lost);
      if (lost.length) this.logger.log(`Re-queued ${lost.length} e-mail(s) pending in PostgreSQL`);
    });
    await this.guard('set-password links', async () => {
      const ids = await this.passwordLinks.pendingIds(BATCH);
      const lost = await this.queue.missing(ids.map((linkId) => ({ name: JobName.SendPasswordLink, data: { linkId } }) as const));
      await this.queue.enqueue(...lost);
      if (lost.length) this.logger.log(`Re-queued ${lost.length} set-password link e-mail(s) pending in PostgreSQL`);
    });
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    await work().catch((error) => this.logger.warn(`Reconciliation of ${what} failed, will retry: ${(error as Error).message}`));
  }

  /** Queues pending work older than `minAgeMs` (fresh decisions are normally queued by the API). */
  private async reconcileTransitions(minAgeMs: number): Promise<number> {
    try {
      const decisions = await listUnappliedDecisionIds(this.db, minAgeMs, BATCH);
      const launches = await listStalledLaunchIds(this.db, minAgeMs);
      const redecisions = await listReportsNeedingDecision(this.db, minAgeMs, BATCH);
      const migrations = await listAllRunningMigrationIds(this.db);
      const imports = await listStalledOrgImportIds(this.db, minAgeMs);
      const jobs: AnyJob[] = [
        ...imports.map((importId) => ({ name: JobName.ImportOrg, data: { importId } }) as const),
        ...launches.map((planId) => ({ name: JobName.LaunchPlan, data: { planId } }) as const),
        ...migrations.map((migrationId) => ({ name: JobName.RunMigration, data: { migrationId } }) as const),
        ...redecisions.map((r) => ({ name: JobName.ReevaluateStage, data: { reportId: r.id, round: r.round, cause: 'reconciler' } }) as const),
        ...decisions.map((taskId) => ({ name: JobName.ApplyDecision, data: { taskId } }) as const),
      ];
      if (jobs.length) {
        // Work still pending after a pass: whatever Redis keeps under its id will not run it (kept as
        // completed or failed, or half lost with Redis's keys), so that is cleared before the add.
        const cleared = await this.queue.requeue(...jobs);
        this.logger.log(
          `Re-queued from PostgreSQL: ${launches.length} launch(es), ${decisions.length} decision(s), ${redecisions.length} re-decision(s), ${migrations.length} migration(s), ${imports.length} import(s)` +
            (cleared ? `; cleared ${cleared} finished, orphaned or dead engine's job(s) of the same ids` : ''),
        );
      }
      return jobs.length;
    } catch (error) {
      this.logger.warn(`Reconciliation failed, will retry: ${(error as Error).message}`);
      return 0;
    }
  }
}
