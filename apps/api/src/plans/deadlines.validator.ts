import { registerDecorator, ValidationArguments } from 'class-validator';
import { isOffsetDateTime, UNIT_KINDS } from '@app/domain';

const KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** `{unitKind: {stageKey: ISO 8601 instant with offset}}`; stage keys are checked against the workflow later. */
export function IsDeadlines() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDeadlines',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => problemOf(value) === null,
        defaultMessage: (args: ValidationArguments) => `${args.property}: ${problemOf(args.value)}`,
      },
    });
}

function problemOf(value: unknown): string | null {
  if (!isPlainObject(value)) return 'must be an object of unit kinds';
  for (const [kind, stages] of Object.entries(value)) {
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) return `unknown unit kind ${kind}; expected ${UNIT_KINDS.join(', ')}`;
    if (!isPlainObject(stages)) return `${kind} must be an object of stage keys`;
    for (const [stage, at] of Object.entries(stages)) {
      if (!KEY.test(stage)) return `${kind}.${stage} is not a stage key`;
      // Round-tripped, not just Date.parse'd: 2030-02-30 would roll over to 2 March here and fail in PostgreSQL.
      if (!isOffsetDateTime(at)) {
        return `${kind}.${stage} must be an ISO 8601 date-time with offset naming a real date and time, e.g. 2019-07-10T17:00:00+07:00`;
      }
    }
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
