import { EntityManager } from 'typeorm';
import {
  anActiveAdministratorRemains,
  appendAuditEvents,
  endSessionsOf,
  grantGlobalAdminRole,
  insertUserUnlessTaken,
  lockUserIdByUsername,
  setUserPasswordHash,
} from '@app/dal';
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
  const createdId = await insertUserUnlessTaken(em, user);
  if (!createdId) throw conflict(`The username ${user.username} is taken; choose another, or reset that user's password with reset-password`);
  await grantGlobalAdminRole(em, createdId);
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
  const userId = await lockUserIdByUsername(em, username);
  if (!userId) throw notFound('User', username);
  await setUserPasswordHash(em, userId, passwordHash);
  await endSessionsOf(em, [userId]);
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
  return anActiveAdministratorRemains(em);
}
