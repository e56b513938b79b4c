import { consolidateFigures, IndicatorDefinition, UnitFigures } from './indicators';
import { Indicators } from './types';

/**
 * The figures a consolidating level's report starts from: the units' figures added up as the domain
 * page asks (consolidateFigures: blanks stay blank, percentages never summed), without the derived
 * percentages, which are computed on reading and never entered. One figure at a time, so that ten
 * thousand units never hold a breakdown of every figure at once.
 */
export function enteredTotals(definitions: readonly IndicatorDefinition[], units: readonly UnitFigures[]): Indicators {
  const totals: Indicators = {};
  for (const definition of definitions) {
    if (definition.derivedFrom) continue;
    Object.assign(totals, consolidateFigures([definition], units).totals);
  }
  return totals;
}

/**
 * The level report's figures once the reports it covers changed (a late report taken in by the
 * working group's round): a figure still equal to the sums it was last given follows the new sums
 * (absent when no unit reports it any more); a figure the working group changed keeps its value.
 */
export function followSums(current: Indicators, lastSums: Indicators, newSums: Indicators): Indicators {
  const result: Indicators = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(lastSums), ...Object.keys(newSums)])) {
    const untouched = current[key] === lastSums[key];
    const value = untouched ? newSums[key] : current[key];
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result;
}
