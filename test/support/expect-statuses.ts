import type { Response, Test } from 'supertest';

export interface Case {
  what: string;
  send: () => Test | Promise<Response>;
  /** The contract's answer; a list where the contract leaves the choice open. */
  status: number | number[];
}

/**
 * Runs every case and fails once with the full list of answers that differ from the contract, so a
 * single run shows every mismatch (and any 500) rather than stopping at the first.
 */
export async function expectStatuses(cases: Case[]): Promise<void> {
  const mismatches: string[] = [];
  for (const c of cases) {
    const res = await c.send();
    const allowed = Array.isArray(c.status) ? c.status : [c.status];
    if (!allowed.includes(res.status)) {
      mismatches.push(`${c.what}: expected ${allowed.join(' or ')}, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
    } else if (res.status >= 400 && res.body?.statusCode !== res.status) {
      mismatches.push(`${c.what}: error body lacks Nest's shape {statusCode, error, message}: ${JSON.stringify(res.body)?.slice(0, 300)}`);
    }
  }
  expect(mismatches).toEqual([]);
}
