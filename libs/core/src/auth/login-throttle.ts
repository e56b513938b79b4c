import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/domain';
import { RedisStore } from '../common/redis.provider';

/** A login refused for a while; `retryAfterSeconds` is when the lock lifts (the Retry-After header). */
export class TooManyAttempts extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_ATTEMPTS', message);
  }
}

/**
 * Slows password guessing with two counts, each refused with 429 once reached, until
 * LOGIN_LOCK_MINUTES pass without a further failure:
 *  - per username and address: LOGIN_MAX_FAILURES guesses at one account from one place (a success
 *    clears it, so a person who mistypes is not kept out);
 *  - per address: LOGIN_MAX_FAILURES_PER_ADDRESS failures whatever the usernames, against password
 *    spraying (one common password tried on many accounts). A success does not clear it, or a
 *    sprayer would mix in logins to an account of their own.
 * Counted in Redis so every API instance sees the same counts. A Redis outage does not lock people
 * out: the check is skipped then. The address is Express's `req.ip` (see TRUST_PROXY).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisStore,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(username: string, address: string): Promise<void> {
    const [account, place] = await this.redis.client.mget(this.accountKey(username, address), this.addressKey(address)).catch(() => [null, null]);
    if (Number(account) >= this.config.LOGIN_MAX_FAILURES) {
      throw new TooManyAttempts(
        `Too many failed logins; try again in ${this.config.LOGIN_LOCK_MINUTES} minutes`,
        await this.secondsLeft(this.accountKey(username, address)),
      );
    }
    if (Number(place) >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS) {
      throw new TooManyAttempts(
        `Too many failed logins from this address; try again in ${this.config.LOGIN_LOCK_MINUTES} minutes`,
        await this.secondsLeft(this.addressKey(address)),
      );
    }
  }

  /**
   * For a failure that names no account (an unusable set-password link): only the address's count,
   * the one against spraying. A token cannot be guessed, so what is slowed is trying many; and an
   * office behind one address, where a few people click an expired link, is not locked out.
   */
  async assertAddressAllowed(address: string): Promise<void> {
    const place = await this.redis.client.get(this.addressKey(address)).catch(() => null);
    if (Number(place) >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS) {
      throw new TooManyAttempts(
        `Too many failed attempts from this address; try again in ${this.config.LOGIN_LOCK_MINUTES} minutes`,
        await this.secondsLeft(this.addressKey(address)),
      );
    }
  }

  async failedFromAddress(address: string): Promise<void> {
    const place = this.addressKey(address);
    await this.redis.client
      .multi()
      .incr(place)
      .expire(place, this.config.LOGIN_LOCK_MINUTES * 60)
      .exec()
      .catch(() => undefined);
  }

  async failed(username: string, address: string): Promise<void> {
    const ttl = this.config.LOGIN_LOCK_MINUTES * 60;
    const account = this.accountKey(username, address);
    const place = this.addressKey(address);
    await this.redis.client
      .multi()
      .incr(account)
      .expire(account, ttl)
      .incr(place)
      .expire(place, ttl)
      .exec()
      .catch(() => undefined);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.redis.client.del(this.accountKey(username, address)).catch(() => 0);
  }

  private async secondsLeft(key: string): Promise<number> {
    const ms = await this.redis.client.pttl(key).catch(() => -1);
    return ms > 0 ? Math.ceil(ms / 1000) : this.config.LOGIN_LOCK_MINUTES * 60;
  }

  private accountKey(username: string, address: string): string {
    return `login-failures:${username.toLowerCase()}:${address}`;
  }

  private addressKey(address: string): string {
    return `login-failures-from:${address}`;
  }
}
