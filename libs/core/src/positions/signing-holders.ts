import { EntityManager } from 'typeorm';
import { SigningHolder } from '@app/domain';

/**
 * Who may sign for a unit now: the active people holding its Bí thư or Phó Bí thư post. A
 * deactivated person keeps their position on record but signs nothing.
 */
export async function signingHoldersOf(em: EntityManager, unitId: string): Promise<SigningHolder[]> {
  return em.query(
    `SELECT u.id AS "userId", u.username, u.full_name AS "fullName", p.position
       FROM user_positions p JOIN users u ON u.id = p.user_id
      WHERE p.unit_id = $1 AND p.position IN ('bi_thu', 'pho_bi_thu') AND u.active
      ORDER BY p.position, u.username`,
    [unitId],
  );
}
