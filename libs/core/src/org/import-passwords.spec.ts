import { hasPasswordSet, NO_PASSWORD_YET } from '../password-links/no-password-yet';
import { decidePasswordHashes, PasswordHashing } from './import-passwords';

/** A stand-in for argon2 that counts its calls: `h(password)` is the "hash". */
function fakeArgon2() {
  const calls = { hash: 0, verify: 0, running: 0, most: 0 };
  const slow = async <T>(value: T) => {
    calls.running += 1;
    calls.most = Math.max(calls.most, calls.running);
    await new Promise((resolve) => setTimeout(resolve, 2));
    calls.running -= 1;
    return value;
  };
  const hashing: PasswordHashing = {
    hash: (password) => ((calls.hash += 1), slow(`h(${password})`)),
    verify: (hash, password) => ((calls.verify += 1), slow(hash === `h(${password})`)),
  };
  return { hashing, calls };
}

describe('decidePasswordHashes', () => {
  it("without a password, keeps a known person's hash and gives a new one none that works, hashing nothing", async () => {
    const { hashing, calls } = fakeArgon2();
    const done: number[] = [];
    const decisions = await decidePasswordHashes([{ username: 'cu' }, { username: 'moi' }], new Map([['cu', 'h(a)']]), hashing, {
      concurrency: 2,
      onProgress: (n) => done.push(n),
    });
    expect(decisions).toEqual([
      { hash: 'h(a)', replaces: false },
      { hash: NO_PASSWORD_YET, replaces: false },
    ]);
    expect(hasPasswordSet(NO_PASSWORD_YET)).toBe(false);
    expect(calls).toMatchObject({ hash: 0, verify: 0 });
    expect(done).toEqual([1, 2]);
  });

  it("keeps a stored hash that matches, hashes the rest, in the users' order", async () => {
    const { hashing, calls } = fakeArgon2();
    const decisions = await decidePasswordHashes(
      [
        { username: 'cu-giu-nguyen', password: 'a' },
        { username: 'cu-doi-mat-khau', password: 'b-moi' },
        { username: 'moi', password: 'c' },
      ],
      new Map([
        ['cu-giu-nguyen', 'h(a)'],
        ['cu-doi-mat-khau', 'h(b)'],
      ]),
      hashing,
      { concurrency: 2 },
    );
    expect(decisions).toEqual([
      { hash: 'h(a)', replaces: false },
      { hash: 'h(b-moi)', replaces: true },
      { hash: 'h(c)', replaces: true },
    ]);
    expect(calls.hash).toBe(2);
    expect(calls.verify).toBe(2);
  });

  it('never runs more than `concurrency` argon2 calls at once, and reports its progress', async () => {
    const { hashing, calls } = fakeArgon2();
    const users = Array.from({ length: 40 }, (_, i) => ({ username: `u${i}`, password: `p${i}` }));
    const progress: number[] = [];
    await decidePasswordHashes(users, new Map(), hashing, { concurrency: 3, onProgress: (done) => progress.push(done) });
    expect(calls.most).toBe(3);
    expect(progress).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('stops between two passwords once its signal is aborted', async () => {
    const { hashing, calls } = fakeArgon2();
    const stop = new AbortController();
    const users = Array.from({ length: 20 }, (_, i) => ({ username: `u${i}`, password: `p${i}` }));
    const run = decidePasswordHashes(users, new Map(), hashing, { concurrency: 2, signal: stop.signal, onProgress: (done) => done === 4 && stop.abort() });
    await expect(run).rejects.toThrow();
    expect(calls.hash).toBeLessThan(8);
  });

  it('rehashes when the stored hash cannot be read', async () => {
    const { hashing } = fakeArgon2();
    const broken: PasswordHashing = { ...hashing, verify: () => Promise.reject(new Error('not an argon2 hash')) };
    expect(await decidePasswordHashes([{ username: 'x', password: 'p' }], new Map([['x', 'md5:…']]), broken, { concurrency: 1 })).toEqual([
      { hash: 'h(p)', replaces: true },
    ]);
  });
});
