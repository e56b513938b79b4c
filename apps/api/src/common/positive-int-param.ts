import { PipeTransform } from '@nestjs/common';
import { invalid } from '@app/domain';

/** The largest value of a PostgreSQL `int` column: beyond it a query fails instead of finding nothing. */
export const PG_INT_MAX = 2_147_483_647;

/**
 * What PositiveIntPipe answers. Declared apart from `number` on purpose: the global ValidationPipe
 * converts a parameter declared `number` with a bare `+value` before any parameter pipe runs ('1e2'
 * becomes 100, '' becomes 0), so a parameter of this type reaches the pipe as the text that was sent.
 */
export type PositiveInt = number & { readonly checkedPositiveInt: true };

/**
 * A positive whole number that fits an `int` column (1 to 2147483647), written in plain digits:
 * anything else (empty, 0, negative, fractional, exponent, too large) is a 400 naming the parameter,
 * before any query runs. Optional: an absent parameter passes as undefined, an empty one does not.
 */
export class PositiveIntPipe implements PipeTransform<unknown, PositiveInt | undefined> {
  constructor(
    private readonly name: string,
    private readonly options: { optional?: boolean } = {},
  ) {}

  transform(value: unknown): PositiveInt | undefined {
    if (value === undefined && this.options.optional) return undefined;
    // Compiled by tsc the branded type is reflected as Number, and the global ValidationPipe has
    // already made a number of the text (jest's swc build leaves the text): check either form.
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    const parsed = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > PG_INT_MAX) {
      throw invalid(`${this.name} must be a whole number from 1 to ${PG_INT_MAX}, not "${text.slice(0, 32)}"`);
    }
    return parsed as PositiveInt;
  }
}
