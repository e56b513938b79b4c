import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { createAdministrator, resetPasswordAsOperator } from '@app/core';
import { dataSourceOptions, inTransaction } from '@app/dal';
import { readPassword } from './read-password';

const PASSWORD_MIN_LENGTH = 8;
const USAGE = 'usage: npm run admin -- create <username> [--full-name "…"] [--email …] | npm run admin -- reset-password <username>';

/**
 * `admin create <username>` makes an administrator; `admin reset-password <username>` sets a
 * user's password (ending their sessions). The password is read from standard input, or asked at
 * the terminal; both are audited as done by the operator.
 */
export async function adminCommand(config: AppConfig, args: string[]): Promise<string> {
  const [action, username, ...rest] = args;
  if (!username || !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(username) || (action !== 'create' && action !== 'reset-password')) throw new Error(USAGE);
  const options = parseOptions(rest);
  const password = await readPassword();
  if (password.length < PASSWORD_MIN_LENGTH) throw new Error(`The password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  const passwordHash = await hash(password);
  const db = new DataSource(dataSourceOptions(config, { username: config.PG_USER, password: config.PG_PASSWORD, poolSize: 1 }));
  await db.initialize();
  try {
    if (action === 'create') {
      const user = { username, fullName: options['full-name'] ?? 'Quản trị hệ thống', email: options.email ?? `${username}@localhost`, passwordHash };
      await inTransaction(db, (em) => createAdministrator(em, user, 'cli'));
      return `Created the administrator ${username}; sign in at the web app with it`;
    }
    await inTransaction(db, (em) => resetPasswordAsOperator(em, username, passwordHash, 'cli'));
    return `Set a new password for ${username}; their open sessions have ended`;
  } finally {
    await db.destroy();
  }
}

function parseOptions(args: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, '');
    if (!['full-name', 'email'].includes(name) || args[i + 1] === undefined) throw new Error(USAGE);
    options[name] = args[i + 1];
  }
  return options;
}
