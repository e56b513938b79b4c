const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `'4kb'`, `'1mb'`, `'512b'` as bytes; a size this API cannot mean throws at start-up, where the decorator is read. */
export function bytesOf(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/.exec(size.trim().toLowerCase());
  if (!match) throw new Error(`Not a body size: ${JSON.stringify(size)} (write e.g. 4kb or 8mb)`);
  return Number(match[1]) * UNITS[match[2]];
}
