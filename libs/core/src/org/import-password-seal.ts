import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** What an import's password is sealed for: this import, this person. */
export const sealContext = (importId: string, username: string) => `${importId}:${username}`;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key that seals an import's passwords while it waits for a worker, derived (HKDF-SHA256) from
 * the installation's JWT signing secret, which the API and every worker already share: no new secret
 * to configure, and a database or Redis dump alone does not open them. A separate label keeps this
 * key unrelated to the token signatures. Changing the secret leaves pending imports unreadable.
 */
export function importSealKey(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(jwtSecret, 'utf8'), 'tongket/org-import', 'password-seal/v1', 32));
}

/**
 * AES-256-GCM with a random IV; `context` (the import and the username) is authenticated with it,
 * so a sealed password cannot be moved to another person or another import.
 */
export function sealPassword(key: Buffer, password: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The password, or an error when the text was altered, sealed for another context or under another key. */
export function openPassword(key: Buffer, sealed: string, context: string): string {
  const [version, body] = sealed.split('.');
  if (version !== VERSION || !body) throw new Error('Not a sealed password');
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
