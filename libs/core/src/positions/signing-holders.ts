import { listSigningHolders } from '@app/dal';

/**
 * Who may sign for a unit now: the active people holding its Bí thư or Phó Bí thư post. A
 * deactivated person keeps their position on record but signs nothing.
 */
export const signingHoldersOf = listSigningHolders;
