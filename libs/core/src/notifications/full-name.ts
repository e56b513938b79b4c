import { EntityManager } from 'typeorm';
import { findUserFullName } from '@app/dal';

/** A person's full name as notices name them ("đồng chí Nguyễn Văn Bình"); null for the engine or an unknown id. */
export async function fullNameOf(em: EntityManager, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await findUserFullName(em, userId)) ?? null;
}
