import { mapConcurrently } from '../common/map-concurrently';
import { NO_PASSWORD_YET } from '../password-links/no-password-yet';

/** The hash a user gets from an import, and whether it replaces the stored one. */
export interface PasswordDecision {
  hash: string;
  replaces: boolean;
}

export interface PasswordHashing {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/**
 * The password hash of every imported user, `concurrency` at a time (argon2 runs in libuv's thread
 * pool; more at once only queues there and starves everything else of it). A stored hash that
 * already matches the imported password is kept, so an idempotent re-import changes no hash and
 * ends nobody's session; checking costs as much as hashing, but only a change is written. A user
 * without a password keeps the stored hash, or gets NO_PASSWORD_YET when new.
 */
export async function decidePasswordHashes(
  users: readonly { username: string; password?: string }[],
  stored: ReadonlyMap<string, string>,
  hashing: PasswordHashing,
  options: { concurrency: number; onProgress?: (done: number) => void; signal?: AbortSignal },
): Promise<PasswordDecision[]> {
  let done = 0;
  return mapConcurrently(users, options.concurrency, async ({ username, password }) => {
    // A worker shutting down stops between two passwords rather than after ten thousand.
    options.signal?.throwIfAborted();
    const current = stored.get(username);
    if (password === undefined) {
      // No password given: a known person keeps theirs; a new one has none until they set it from the e-mailed link.
      options.onProgress?.((done += 1));
      return { hash: current ?? NO_PASSWORD_YET, replaces: false };
    }
    const kept = current !== undefined && (await hashing.verify(current, password).catch(() => false));
    const decision = kept ? { hash: current, replaces: false } : { hash: await hashing.hash(password), replaces: true };
    options.onProgress?.((done += 1));
    return decision;
  });
}
