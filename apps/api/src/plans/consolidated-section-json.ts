import type { FiguresAsOf } from '@app/core';
import { ConsolidatedSection, SECTION_PARTS } from '@app/domain';

/** Texts per piece: a whole section of ten thousand units is tens of megabytes as one string. */
const TEXTS_PER_PIECE = 200;

/** A consolidated section as JSON, a few hundred attributed texts at a time (the same JSON as JSON.stringify). */
export function* consolidatedSectionJson(section: ConsolidatedSection): Iterable<string> {
  const { parts, ...head } = section;
  const opening = JSON.stringify(head);
  yield `${opening.slice(0, -1)},"parts":{`;
  let firstPart = true;
  for (const part of SECTION_PARTS) {
    const texts = parts[part];
    if (!texts) continue;
    yield `${firstPart ? '' : ','}${JSON.stringify(part)}:`;
    firstPart = false;
    yield* jsonArrayInPieces(texts, TEXTS_PER_PIECE);
  }
  yield '}}';
}

/** An array as JSON, `per` items to a piece: the same text as JSON.stringify(items). */
export function* jsonArrayInPieces(items: readonly unknown[], per: number): Iterable<string> {
  yield '[';
  for (let i = 0; i < items.length; i += per) {
    const piece = JSON.stringify(items.slice(i, i + per));
    yield `${i === 0 ? '' : ','}${piece.slice(1, -1)}`;
  }
  yield ']';
}

/**
 * The answer's head (everything but the sections) with the figures' cut-off right after the unit:
 * `asOf` (the date the summed figures stand at), where it came from, the cut-off and when the
 * collection closed. Additive: every field of the contract keeps its name and place.
 */
export function consolidatedHead<H extends { unitCode: string; unitName: string }>(head: H, figures: FiguresAsOf): H & FiguresAsOf {
  // Spread order fixes the key order: the unit, then its cut-off, then the rest of the head.
  return { ...{ unitCode: head.unitCode, unitName: head.unitName }, ...figures, ...head };
}
