import { registerDecorator, ValidationArguments } from 'class-validator';

/** Anyone who knows the signing secret can sign an administrator's token: it must be long and unguessable. */
export const JWT_SECRET_MIN_LENGTH = 32;

/**
 * Values that have been published as examples or defaults (this engine's own former development
 * value among them): long enough, yet known to everybody.
 */
const KNOWN_WEAK_SECRETS = new Set([
  'tong-ket-development-secret-change-me',
  'your-256-bit-secret',
  'your-secret-key',
  'secretorprivatekey',
  'supersecretkey',
  'changeme',
  'change-me',
  'secret',
]);

/**
 * What is wrong with a JWT signing secret, or null. Unset is fine outside production (the engine then
 * generates one per installation and keeps it in the database); in production it must be given.
 */
export function jwtSecretProblem(secret: string | undefined, production: boolean): string | null {
  if (secret === undefined || secret === '') {
    return production ? 'must be set in production (NODE_ENV=production): at least 32 random characters, e.g. `openssl rand -base64 48`' : null;
  }
  if (secret.length < JWT_SECRET_MIN_LENGTH) return `must be at least ${JWT_SECRET_MIN_LENGTH} characters long`;
  const normalised = secret.trim().toLowerCase();
  if (KNOWN_WEAK_SECRETS.has(normalised) || /change[-_ ]?me/.test(normalised)) return 'is a published example or placeholder value';
  // 'aaaa…' or '1212…' is long but guessable; random text of 32 characters has far more distinct ones.
  if (new Set(secret).size < 10) return 'has too few distinct characters to be random';
  return null;
}

/** Checks JWT_SECRET against NODE_ENV of the same settings object. */
export function IsStrongJwtSecret() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isStrongJwtSecret',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (value === undefined || typeof value === 'string') && jwtSecretProblem(value as string | undefined, isProduction(args.object)) === null,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} ${typeof args.value === 'string' || args.value === undefined ? jwtSecretProblem(args.value as string | undefined, isProduction(args.object)) : 'must be a string'}`,
      },
    });
}

function isProduction(settings: object): boolean {
  return (settings as { NODE_ENV?: string }).NODE_ENV === 'production';
}
