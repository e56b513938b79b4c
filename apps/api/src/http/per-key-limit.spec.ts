import { PerKeyLimit } from './per-key-limit';

describe('PerKeyLimit', () => {
  it('lets `max` holders per key in, refuses the next, and frees a slot on release', () => {
    const limit = new PerKeyLimit(2);
    const first = limit.tryAcquire('mai')!;
    const second = limit.tryAcquire('mai')!;
    expect(first).toBeInstanceOf(Function);
    expect(second).toBeInstanceOf(Function);
    expect(limit.tryAcquire('mai')).toBeNull();
    first();
    expect(limit.tryAcquire('mai')).toBeInstanceOf(Function);
  });

  it('counts each key apart: one user at the limit does not stop another', () => {
    const limit = new PerKeyLimit(1);
    expect(limit.tryAcquire('mai')).not.toBeNull();
    expect(limit.tryAcquire('mai')).toBeNull();
    expect(limit.tryAcquire('lan')).not.toBeNull();
  });

  it('frees one slot however often a release is called, and forgets idle keys', () => {
    const limit = new PerKeyLimit(2);
    const release = limit.tryAcquire('mai')!;
    limit.tryAcquire('mai');
    release();
    release();
    expect(limit.inUse('mai')).toBe(1);
    expect(limit.tryAcquire('mai')).not.toBeNull();
    expect(limit.tryAcquire('mai')).toBeNull();
  });
});
