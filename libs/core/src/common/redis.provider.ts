import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';

/**
 * A plain Redis connection for small shared state (login failure counters). Keys live under the
 * queue prefix, so an installation's keys stay together and tests stay apart.
 */
@Injectable()
export class RedisStore implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(config: AppConfig) {
    this.client = new Redis({
      host: config.REDIS_HOST,
      port: config.REDIS_PORT,
      keyPrefix: `${config.QUEUE_PREFIX}:`,
      lazyConnect: true,
      maxRetriesPerRequest: 2,
    });
    this.client.on('error', () => undefined);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
