/**
 * The password hash of a person who has not set a password yet (created by an import without one):
 * not an argon2 hash, so no password matches it, and recognisable, so a login against it is checked
 * against the dummy hash instead and takes the same time as any wrong password.
 */
export const NO_PASSWORD_YET = '!no-password-yet:set-it-from-the-e-mailed-link';

export function hasPasswordSet(passwordHash: string | null | undefined): passwordHash is string {
  return typeof passwordHash === 'string' && passwordHash !== NO_PASSWORD_YET;
}
