import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { AppConfig } from '@app/config';
import { Semaphore, SemaphoreFullError } from './semaphore';

/** Logins waiting for a check beyond this many per permit are answered "busy" at once. */
const WAITING_PER_PERMIT = 100;

/**
 * The API's argon2 work (a login's check, a password change or reset), through a gate of
 * LOGIN_VERIFY_CONCURRENCY: argon2 runs in libuv's thread pool (four threads), which the API also
 * needs for its own work, so a flood of logins takes a few threads and waits its turn instead of
 * filling the pool and stalling every request. (An org import's hashing runs in the worker.)
 */
@Injectable()
export class PasswordGate {
  private readonly gate: Semaphore;

  constructor(config: AppConfig) {
    this.gate = new Semaphore(config.LOGIN_VERIFY_CONCURRENCY, config.LOGIN_VERIFY_CONCURRENCY * WAITING_PER_PERMIT);
  }

  /** Whether `password` matches `hash`; a malformed hash is a mismatch. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    return this.through(() => verify(passwordHash, password).catch(() => false));
  }

  /** The argon2 hash of a new password. */
  async hash(password: string): Promise<string> {
    return this.through(() => hash(password));
  }

  private async through<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.gate.run(work);
    } catch (error) {
      if (error instanceof SemaphoreFullError) throw new ServiceUnavailableException('Too many sign-ins at once; try again in a moment');
      throw error;
    }
  }
}
