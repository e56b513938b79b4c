import { EntityManager } from 'typeorm';
import { appendAuditEvents, endSessionsOf } from '@app/dal';
import { conflict, notFound } from '@app/domain';

/** Who runs the operator commands: recorded as the actor of their audit events. */
export const OPERATOR = { actorId: null, actor: 'operator' } as const;

/**
 * An administrator created from the command line (an empty installation, or every administrator
 * lost): a new user with the global admin role, audited. An existing username is refused, so the
 * command never takes over somebody's account.
 */
export async function createAdministrator(
  em: EntityManager,
  user: { username: string; fullName: string; email: string; passwordHash: string },
  via: string,
): Promise<void> {
  const [created]: { id: string }[] = await em.query(
    `INSERT INTO users (username, full_name, email, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.username, user.fullName, user.email, user.passwordHash],
  );
  if (!created) throw conflict(`The username ${user.username} is taken; choose another, or reset that user's password with reset-password`);
  await em.query(`INSERT INTO role_assignments (user_id, unit_id, role) VALUES ($1, NULL, 'admin')`, [created.id]);
  await appendAuditEvents(em, [
    {
      ...OPERATOR,
      action: 'admin.create',
      comment: `Tạo quản trị viên ${user.username} từ dòng lệnh`,
      data: { username: user.username, via, before: null, after: { username: user.username, fullName: user.fullName, email: user.email, roles: ['admin'] } },
    },
  ]);
}

/** A password set from the command line: every session of the user ends, and the audit says it changed (never what to). */
export async function resetPasswordAsOperator(em: EntityManager, username: string, passwordHash: string, via: string): Promise<void> {
  const [user]: { id: string }[] = await em.query(`SELECT id FROM users WHERE username = $1 FOR NO KEY UPDATE`, [username]);
  if (!user) throw notFound('User', username);
  await em.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
  await endSessionsOf(em, [user.id]);
  await appendAuditEvents(em, [
    {
      ...OPERATOR,
      action: 'user.password_reset',
      comment: `Đặt lại mật khẩu của ${username} từ dòng lệnh`,
      data: { username, via, passwordChanged: true, sessionsEnded: true },
    },
  ]);
}

/** Whether any active administrator exists (the API's log tells how to create one when not). */
export async function anActiveAdministratorExists(em: EntityManager): Promise<boolean> {
  const rows = await em.query(`SELECT 1 FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.active LIMIT 1`);
  return rows.length > 0;
}
