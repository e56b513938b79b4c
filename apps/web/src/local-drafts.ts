/**
 * Text typed but not yet saved on the engine, kept in this browser (localStorage) per person,
 * report and item until the engine has it: a lost connection, an expired session or a closed tab
 * loses nothing, and the drafting page puts it back on return.
 */

const PREFIX = 'tongket.draft';

export interface KeptDraft<T> {
  value: T;
  /** When it was typed (ISO), to say how old what is put back is. */
  at: string;
}

/** The part of the Web Storage API used here (the browser's localStorage; a stand-in in unit tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export class LocalDrafts<T> {
  private readonly prefix: string;

  constructor(
    userId: string,
    reportId: string,
    private readonly storage: DraftStorage = localStorage,
  ) {
    this.prefix = `${PREFIX}:${userId}:${reportId}:`;
  }

  keep(key: string, value: T): void {
    try {
      this.storage.setItem(this.prefix + key, JSON.stringify({ value, at: new Date().toISOString() } satisfies KeptDraft<T>));
    } catch {
      // A full or disabled storage: the autosave still runs, only this safety net is missing.
    }
  }

  /** The engine has it: nothing to put back any more. */
  forget(key: string): void {
    this.storage.removeItem(this.prefix + key);
  }

  /** Every kept item of this person's report, by item key. */
  all(): Map<string, KeptDraft<T>> {
    const kept = new Map<string, KeptDraft<T>>();
    for (let i = 0; i < this.storage.length; i += 1) {
      const name = this.storage.key(i);
      if (!name?.startsWith(this.prefix)) continue;
      try {
        kept.set(name.slice(this.prefix.length), JSON.parse(this.storage.getItem(name) ?? '') as KeptDraft<T>);
      } catch {
        // Not written by this code (or cut short): nothing to put back.
        this.storage.removeItem(name);
      }
    }
    return kept;
  }

  forgetAll(): void {
    for (const key of this.all().keys()) this.forget(key);
  }
}
