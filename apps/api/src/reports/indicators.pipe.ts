import { PipeTransform } from '@nestjs/common';
import { invalid } from '@app/domain';

const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_FIGURES = 200;

/**
 * `{key: number | null}` in shape only (the contract's `{name: non-negative integer}` among them):
 * each value is checked against the figure's kind by the service, which knows the plan's figures
 * and answers every problem at once, per figure.
 */
export class IndicatorsPipe implements PipeTransform<unknown, Record<string, unknown>> {
  transform(value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalid('Body must be an object of figure keys to numbers (or null to clear)');
    const keys = Object.keys(value);
    if (keys.length === 0) throw invalid('Body must name at least one figure');
    if (keys.length > MAX_FIGURES) throw invalid(`Too many figures (at most ${MAX_FIGURES})`);
    const badKey = keys.find((key) => !KEY.test(key));
    if (badKey !== undefined) throw invalid(`${JSON.stringify(badKey.slice(0, 70))} is not a figure key (lower-case letters, digits and _)`);
    return value as Record<string, unknown>;
  }
}
