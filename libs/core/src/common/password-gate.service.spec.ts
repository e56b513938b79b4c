import { ServiceUnavailableException } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { AppConfig } from '@app/config';
import { PasswordGate } from './password-gate.service';

describe('PasswordGate', () => {
  it('says whether the password matches; a malformed hash is a mismatch', async () => {
    const check = new PasswordGate(Object.assign(new AppConfig(), { LOGIN_VERIFY_CONCURRENCY: 2 }));
    const stored = await hash('tongket-2019');
    expect(await check.verify(stored, 'tongket-2019')).toBe(true);
    expect(await check.verify(stored, 'sai-mat-khau')).toBe(false);
    expect(await check.verify('not-a-hash', 'tongket-2019')).toBe(false);
  });

  it('answers 503 at once to a login beyond the waiting line, and checks the others', async () => {
    const check = new PasswordGate(Object.assign(new AppConfig(), { LOGIN_VERIFY_CONCURRENCY: 1 }));
    const stored = await hash('tongket-2019');
    // one running, at most 100 waiting: of 110 at once, the last 9 are refused
    const outcomes = await Promise.allSettled(Array.from({ length: 110 }, () => check.verify(stored, 'tongket-2019')));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(9);
    expect(refused.every((o) => (o as PromiseRejectedResult).reason instanceof ServiceUnavailableException)).toBe(true);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === true)).toHaveLength(101);
  }, 30_000);
});
