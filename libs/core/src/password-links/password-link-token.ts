import { createHash, randomBytes } from 'node:crypto';

/**
 * A set-password token: 32 random bytes, URL-safe. Only its SHA-256 is stored; a token this long
 * needs no slow hash (nobody can guess one), and the fast one lets the lookup be an index search.
 */
export function newPasswordLinkToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: passwordLinkTokenHash(token) };
}

export function passwordLinkTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
