/** Field names whose values are secrets: password, currentPassword, newPassword, token, accessToken, clientSecret, apiKey… */
const SECRET_FIELD = /pass(word)?|token|secret|credential|api[-_]?key/i;
/** Shorter values turn up inside ordinary words ("pass" in "password"); no message of the engine quotes a field anyway. */
const MIN_SECRET_LENGTH = 4;
const WITHHELD = 'A message that would repeat the value of a secret field was withheld';

/** Every string a request body holds under a secret field name, at any depth (walked without recursion). */
export function secretValuesIn(body: unknown): string[] {
  const found = new Set<string>();
  const stack: { value: unknown; secret: boolean }[] = [{ value: body, secret: false }];
  while (stack.length) {
    const { value, secret } = stack.pop()!;
    if (typeof value === 'string') {
      if (secret && value.length >= MIN_SECRET_LENGTH) found.add(value);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, secret: secret || SECRET_FIELD.test(key) });
    }
  }
  return [...found];
}

/**
 * The error body with every text that contains one of `secrets` replaced by a notice: whatever a
 * validator or a service wrote, an error never sends a password or token back (to a log, a proxy,
 * a screen). Messages are replaced whole, not cut, so nothing of the secret shows.
 */
export function withoutSecrets<T>(errorBody: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return errorBody;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return secrets.some((s) => value.includes(s)) ? WITHHELD : value;
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  return clean(errorBody) as T;
}
