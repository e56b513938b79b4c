import { EntityManager } from 'typeorm';

/** A person's full name as notices name them ("đồng chí Nguyễn Văn Bình"); null for the engine or an unknown id. */
export async function fullNameOf(em: EntityManager, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [user]: { full_name: string }[] = await em.query(`SELECT full_name FROM users WHERE id = $1`, [userId]);
  return user?.full_name ?? null;
}
