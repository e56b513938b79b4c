import { figureBreakdown, IndicatorDefinition, UnitFigures } from '@app/domain';
import { jsonArrayInPieces } from './consolidated-section-json';

/** Units per piece: a figure of ten thousand units is about 700 KB as one string. */
const UNITS_PER_PIECE = 500;

/**
 * `indicatorBreakdown` as JSON, one figure at a time (figureBreakdown): per figure key, each
 * reporting unit's value with its code and name. For ten thousand units and a whole appendix that is
 * some fifty megabytes, so it is written, never built whole; a figure nobody reported lists nobody.
 */
export function* consolidatedBreakdownJson(definitions: readonly IndicatorDefinition[], units: readonly UnitFigures[]): Iterable<string> {
  yield '{';
  let first = true;
  for (const definition of definitions) {
    yield `${first ? '' : ','}${JSON.stringify(definition.key)}:`;
    first = false;
    yield* jsonArrayInPieces(figureBreakdown(definition, units), UNITS_PER_PIECE);
  }
  yield '}';
}
