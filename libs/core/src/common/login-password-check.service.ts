import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { AppConfig } from '@app/config';
import { Semaphore, SemaphoreFullError } from './semaphore';

/** Logins waiting for a check beyond this many per permit are answered "busy" at once. */
const WAITING_PER_PERMIT = 100;

/**
 * The argon2 check of a login, through a gate of LOGIN_VERIFY_CONCURRENCY: argon2 runs in libuv's
 * thread pool (four threads), which the API also needs for its own work, so a flood of logins
 * takes a few threads and waits its turn instead of filling the pool and stalling every request.
 */
@Injectable()
export class LoginPasswordCheck {
  private readonly gate: Semaphore;

  constructor(config: AppConfig) {
    this.gate = new Semaphore(config.LOGIN_VERIFY_CONCURRENCY, config.LOGIN_VERIFY_CONCURRENCY * WAITING_PER_PERMIT);
  }

  /** Whether `password` matches `hash`; a malformed hash is a mismatch. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.gate.run(() => verify(hash, password).catch(() => false));
    } catch (error) {
      if (error instanceof SemaphoreFullError) throw new ServiceUnavailableException('Too many sign-ins at once; try again in a moment');
      throw error;
    }
  }
}
