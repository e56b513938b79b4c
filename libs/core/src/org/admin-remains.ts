import { EntityManager } from 'typeorm';
import { anActiveAdministratorRemains, takeAdministratorsCheckTurn } from '@app/dal';
import { refused } from '@app/domain';

export const NO_ADMIN_WOULD_REMAIN = 'Không thể thực hiện: thay đổi này sẽ không còn quản trị viên nào đang hoạt động trong hệ thống.';

/**
 * Refuses (422) a change that would leave no active administrator: nobody could then manage users,
 * roles or workflows. Call it at the end of the transaction of every path that removes an admin
 * role or deactivates someone (role changes, deactivation, the org import), after its last write.
 *
 * The transaction-scoped lock makes such changes take turns at this check, so two administrators
 * removing each other's role at once cannot both see the other one remaining. The database's
 * deferred trigger (an_admin_remains) takes the same lock and checks again at commit.
 */
export async function assertAnAdminRemains(em: EntityManager): Promise<void> {
  await takeAdministratorsCheckTurn(em);
  if (!(await anActiveAdministratorRemains(em))) throw refused(NO_ADMIN_WOULD_REMAIN);
}
