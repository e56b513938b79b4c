import { CronExpressionParser } from 'cron-parser';
import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * What is wrong with a cron pattern, or null: 5 fields (minute to day of week) or 6 (seconds
 * first), each within its range. Parsed by cron-parser, the parser BullMQ's job schedulers use,
 * so a pattern accepted here is one the digest scheduler runs, at the times it means.
 */
export function cronPatternProblem(pattern: unknown): string | null {
  if (typeof pattern !== 'string') return 'must be a cron pattern';
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return `must have 5 fields (minute hour day month weekday) or 6 (seconds first), not ${fields.length}`;
  try {
    CronExpressionParser.parse(fields.join(' '), { tz: 'Asia/Ho_Chi_Minh' });
    return null;
  } catch (error) {
    return `is not a valid cron pattern: ${(error as Error).message}`;
  }
}

export function IsCronPattern() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCronPattern',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => cronPatternProblem(value) === null,
        defaultMessage: (args: ValidationArguments) => `${args.property} ${cronPatternProblem(args.value)}`,
      },
    });
}

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false };

/**
 * `true`/`false`/`1`/`0` to a boolean; anything else stays as written, for the validator to refuse
 * by name. `yes` silently meaning false would turn TLS off without a word.
 */
export function toStrictBoolean({ value }: { value: unknown }): unknown {
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' && value.trim().toLowerCase() in BOOLEANS ? BOOLEANS[value.trim().toLowerCase()] : value;
}

/**
 * An optional setting written empty (`METRICS_TOKEN=` in an env file, as config/docker/env.example
 * has them) is unset, not a value to validate: compose passes the empty string through.
 */
export function emptyAsUnset({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
