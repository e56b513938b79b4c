import { createHash } from 'node:crypto';

/** The hash before the first link of the audit chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One link of the audit chain: the hash of the previous link and of the event's canonical text, so
 * changing, removing or reordering any sealed event changes every hash after it.
 */
export function linkHash(previousHash: string, canonicalEvent: string): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalEvent).digest('hex');
}

/** A seal as stored, with the canonical text of its event now (null when the event is gone). */
export interface SealedLink {
  seq: number;
  eventId: number;
  hash: string;
  canonical: string | null;
}

export type BrokenLinkReason = 'altered' | 'missing' | 'gap';

export interface BrokenLink {
  seq: number;
  eventId: number;
  reason: BrokenLinkReason;
}

export interface ChainCheck {
  /** The first link that does not hold, or null when every link given holds. */
  broken: BrokenLink | null;
  /** The hash and sequence number to carry into the next page of links. */
  lastHash: string;
  lastSeq: number;
}

/**
 * Checks consecutive links of the chain, starting after `previous` (GENESIS_HASH, seq 0 for the
 * first page): each sequence number follows the last, each event still exists, and each hash is the
 * one its event and the link before it give. Stops at the first link that does not hold.
 */
export function checkLinks(links: readonly SealedLink[], previous: { hash: string; seq: number }): ChainCheck {
  let { hash, seq } = previous;
  for (const link of links) {
    if (link.seq !== seq + 1) return { broken: { seq: seq + 1, eventId: link.eventId, reason: 'gap' }, lastHash: hash, lastSeq: seq };
    if (link.canonical === null) return { broken: { seq: link.seq, eventId: link.eventId, reason: 'missing' }, lastHash: hash, lastSeq: seq };
    if (linkHash(hash, link.canonical) !== link.hash)
      return { broken: { seq: link.seq, eventId: link.eventId, reason: 'altered' }, lastHash: hash, lastSeq: seq };
    hash = link.hash;
    seq = link.seq;
  }
  return { broken: null, lastHash: hash, lastSeq: seq };
}
