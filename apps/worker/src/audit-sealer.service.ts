import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { AuditChain } from '@app/core';

/**
 * Seals new audit events into the hash chain every AUDIT_SEAL_INTERVAL_MS. Housekeeping of the
 * database alone (no queue): the events wait in PostgreSQL, any worker may seal them, and an
 * advisory lock lets only one extend the chain at a time.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private sealing?: Promise<void>;

  constructor(
    private readonly chain: AuditChain,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sealNow(), this.config.AUDIT_SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  /** Lets a seal in progress finish before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sealing;
  }

  private async sealNow(): Promise<void> {
    if (this.sealing) return;
    this.sealing = this.chain
      .seal()
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`Sealing the audit trail failed, will retry: ${error.message}`))
      .finally(() => (this.sealing = undefined));
    await this.sealing;
  }
}
