import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/domain';
import { RedisStore } from '../common/redis.provider';

/**
 * Slows password guessing: after LOGIN_MAX_FAILURES failed logins for one username from one
 * address, further attempts get 429 until LOGIN_LOCK_MINUTES pass; a success clears the count.
 * Counted in Redis so every API instance sees the same count. A Redis outage does not lock
 * people out: the check is skipped then.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisStore,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(username: string, address: string): Promise<void> {
    const failures = Number(await this.redis.client.get(this.key(username, address)).catch(() => 0));
    if (failures >= this.config.LOGIN_MAX_FAILURES) {
      throw new DomainError('TOO_MANY_ATTEMPTS', `Too many failed logins; try again in ${this.config.LOGIN_LOCK_MINUTES} minutes`);
    }
  }

  async failed(username: string, address: string): Promise<void> {
    const key = this.key(username, address);
    await this.redis.client.multi().incr(key).expire(key, this.config.LOGIN_LOCK_MINUTES * 60).exec().catch(() => undefined);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.redis.client.del(this.key(username, address)).catch(() => 0);
  }

  private key(username: string, address: string): string {
    return `login-failures:${username.toLowerCase()}:${address}`;
  }
}
