import type { FiguresAsOf } from '@app/core';
import { ConsolidatedSection, REPORT_PARTS } from '@app/domain';

/** Texts per piece: a whole section of ten thousand units is tens of megabytes as one string. */
const TEXTS_PER_PIECE = 200;

/** A consolidated section as JSON, a few hundred attributed texts at a time (the same JSON as JSON.stringify). */
export function* consolidatedSectionJson(section: ConsolidatedSection): Iterable<string> {
  yield `{"key":${JSON.stringify(section.key)},"title":${JSON.stringify(section.title)},"parts":{`;
  let firstPart = true;
  for (const part of REPORT_PARTS) {
    const texts = section.parts[part];
    if (!texts) continue;
    yield `${firstPart ? '' : ','}${JSON.stringify(part)}:[`;
    firstPart = false;
    for (let i = 0; i < texts.length; i += TEXTS_PER_PIECE) {
      const piece = JSON.stringify(texts.slice(i, i + TEXTS_PER_PIECE));
      yield `${i === 0 ? '' : ','}${piece.slice(1, -1)}`;
    }
    yield ']';
  }
  yield '}}';
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
