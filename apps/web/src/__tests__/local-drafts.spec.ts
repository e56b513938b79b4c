import { DraftStorage, LocalDrafts } from '../local-drafts';

/** An in-memory Web Storage, as the browser's localStorage behaves for these calls. */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('text kept in the browser until the engine has it', () => {
  it('keeps each item under the person and the report, and gives back only theirs', () => {
    const storage = memoryStorage();
    const mine = new LocalDrafts<{ text: string }>('user-1', 'report-1', storage);
    mine.keep('context', { text: 'Đặc điểm tình hình' });
    mine.keep('proposals', { text: 'Kiến nghị' });
    new LocalDrafts<{ text: string }>('user-2', 'report-1', storage).keep('context', { text: 'người khác' });
    new LocalDrafts<{ text: string }>('user-1', 'report-2', storage).keep('context', { text: 'báo cáo khác' });

    const kept = mine.all();
    expect([...kept.keys()].sort()).toEqual(['context', 'proposals']);
    expect(kept.get('context')!.value).toEqual({ text: 'Đặc điểm tình hình' });
    expect(Number.isNaN(Date.parse(kept.get('context')!.at))).toBe(false);
  });

  it('forgets an item once saved, and all of the report’s when asked, leaving others’ alone', () => {
    const storage = memoryStorage();
    const mine = new LocalDrafts<string>('user-1', 'report-1', storage);
    mine.keep('context', 'a');
    mine.keep('proposals', 'b');
    new LocalDrafts<string>('user-2', 'report-1', storage).keep('context', 'c');
    mine.forget('context');
    expect([...mine.all().keys()]).toEqual(['proposals']);
    mine.forgetAll();
    expect(mine.all().size).toBe(0);
    expect(storage.items.size).toBe(1);
  });

  it('drops an entry it cannot read instead of putting back garbage', () => {
    const storage = memoryStorage();
    storage.setItem('tongket.draft:user-1:report-1:context', '{not json');
    expect(new LocalDrafts<string>('user-1', 'report-1', storage).all().size).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it('keeps typing going when the storage is full', () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => new LocalDrafts<string>('user-1', 'report-1', storage).keep('context', 'a')).not.toThrow();
  });
});
