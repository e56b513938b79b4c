import { figureTotals, IndicatorDefinition, UnitFigures } from './indicators';
import { Indicators } from './types';

/**
 * The figures a consolidating level's report starts from: the units' figures added up as the domain
 * page asks (figureTotals, the totals of consolidateFigures: blanks stay blank, percentages never
 * summed), without the derived percentages, which are computed on reading and never entered.
 */
export function enteredTotals(definitions: readonly IndicatorDefinition[], units: readonly UnitFigures[]): Indicators {
  const derived = new Set(definitions.filter((d) => d.derivedFrom).map((d) => d.key));
  return Object.fromEntries(Object.entries(figureTotals(definitions, units)).filter(([key]) => !derived.has(key)));
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
