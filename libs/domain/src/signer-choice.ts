import type { Position } from './positions';

/** Someone at the adopting unit who may sign: its secretary or a deputy secretary. */
export interface SigningHolder {
  userId: string;
  username: string;
  fullName: string;
  position: Position;
}

/** Who signs an adopted document, and why them. */
export interface ChosenSigner {
  userId: string | null;
  username: string | null;
  /** Printed under the signature; empty when nobody holds the post. */
  fullName: string;
  /** bi_thu signs as BÍ THƯ, pho_bi_thu as K/T BÍ THƯ, PHÓ BÍ THƯ; null when nobody holds either. */
  position: 'bi_thu' | 'pho_bi_thu' | null;
  how: 'chosen' | 'secretary' | 'deputy' | 'vacant';
}

/**
 * The signer of a document adopted now: the one the adopting committee chose (the latest choice
 * made while approving), if they still hold a signing post there; else the secretary; else a deputy
 * secretary deputising for the post (the first by username, so the choice is the same every time);
 * else nobody, and the document is adopted with an empty name.
 */
export function chooseSigner(holders: readonly SigningHolder[], chosenUserId: string | null): ChosenSigner {
  const signing = holders.filter((h) => h.position === 'bi_thu' || h.position === 'pho_bi_thu');
  const as = (h: SigningHolder, how: ChosenSigner['how']): ChosenSigner => ({
    userId: h.userId,
    username: h.username,
    fullName: h.fullName,
    position: h.position as 'bi_thu' | 'pho_bi_thu',
    how,
  });
  const chosen = chosenUserId ? signing.find((h) => h.userId === chosenUserId) : undefined;
  if (chosen) return as(chosen, 'chosen');
  const secretary = signing.find((h) => h.position === 'bi_thu');
  if (secretary) return as(secretary, 'secretary');
  const deputy = signing.filter((h) => h.position === 'pho_bi_thu').sort((a, b) => a.username.localeCompare(b.username))[0];
  if (deputy) return as(deputy, 'deputy');
  return { userId: null, username: null, fullName: '', position: null, how: 'vacant' };
}
