import { PipeTransform } from '@nestjs/common';
import { invalid } from '@app/domain';

const MAX_VALUE = 1_000_000_000;

/** `{name: non-negative integer}`: names are checked against the plan by the service. */
export class IndicatorsPipe implements PipeTransform<unknown, Record<string, number>> {
  transform(value: unknown): Record<string, number> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('Body must be an object of indicator names to numbers');
    const entries = Object.entries(value);
    if (entries.length === 0) throw invalid('Body must name at least one indicator');
    if (entries.length > 100) throw invalid('Too many indicators');
    for (const [name, amount] of entries) {
      if (!Number.isInteger(amount) || (amount as number) < 0 || (amount as number) > MAX_VALUE) {
        throw invalid(`${name} must be a non-negative integer up to ${MAX_VALUE}`);
      }
    }
    return value as Record<string, number>;
  }
}
