import { Controller, Get, OnModuleDestroy } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { Public } from '../common/auth.guard';

const TIMEOUT_MS = 1500;

@ApiTags('operations')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  /** Its own client that fails fast: the queue's clients wait for Redis forever, by design. */
  private readonly redisClient: Redis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    config: AppConfig,
  ) {
    this.redisClient = new Redis({
      host: config.REDIS_HOST,
      port: config.REDIS_PORT,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: TIMEOUT_MS,
      retryStrategy: () => 1000,
    });
    this.redisClient.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.redisClient.disconnect();
  }

  /** 200 when PostgreSQL and Redis answer, 503 otherwise. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: TIMEOUT_MS }), () => this.redis()]);
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      if (this.redisClient.status === 'wait') await this.redisClient.connect();
      await Promise.race([this.redisClient.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
