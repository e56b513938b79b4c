/**
 * The texts and figures of a level's draft as the working group types them, each saved on its own
 * shortly after. Texts typed and not yet saved are kept in this browser until the engine has them
 * (local-drafts.ts), as on a unit's drafting page: a lost connection or a closed tab loses nothing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from './api-client';
import type { ItemText } from './api-types';
import { Autosaver, SaveState } from './autosave';
import { onReconnect } from './connection';
import { formatDateTime } from './format';
import type { LevelDraft } from './level-draft';
import { LocalDrafts } from './local-drafts';

export type Content = Record<string, Partial<Record<ItemText, string>>>;

const textKey = (key: string, part: ItemText) => `text:${key}:${part}`;
const figureKey = (key: string) => `figure:${key}`;

export interface LevelContent {
  content: Content;
  figures: Record<string, string>;
  change(key: string, part: ItemText, text: string): void;
  /** Adds a passage at the end of a text, as its own paragraph. */
  insert(key: string, part: ItemText, passage: string): void;
  changeFigure(key: string, text: string): void;
  /** The state of the last save of an item's texts. */
  stateOf(key: string): SaveState | undefined;
  status: string;
  error: string | null;
  /** Texts put back from this browser (typed, not saved before the page was left): how many, typed when. */
  restored: { count: number; at: string | null };
  flush(): Promise<void>;
}

const partOf = (id: string): { key: string; part: ItemText } | null => {
  const match = /^text:([^:]+):([^:]+)$/.exec(id);
  return match ? { key: match[1], part: match[2] as ItemText } : null;
};

/** What this browser kept of the draft and the engine does not have: only while it is editable, only what differs. */
function keptTexts(drafts: LocalDrafts<string>, draft: LevelDraft): Map<string, { value: string; at: string }> {
  const kept = drafts.all();
  if (!draft.editable) {
    drafts.forgetAll();
    return new Map();
  }
  for (const [id, copy] of kept) {
    const where = partOf(id);
    const item = where && draft.items.find((i) => i.key === where.key);
    if (!where || !item || (item.parts[where.part] ?? '') === copy.value) {
      drafts.forget(id);
      kept.delete(id);
    }
  }
  return kept;
}

/** A figure as typed: blank clears it; digits with at most two decimals (comma or point); anything else is not saved. */
export function figureValue(text: string): number | null | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : undefined;
}

export function useLevelContent(draft: LevelDraft, userId: string): LevelContent {
  const drafts = useMemo(() => new LocalDrafts<string>(userId, `level:${draft.planId}:${draft.unitCode}`), [userId, draft.planId, draft.unitCode]);
  const [kept] = useState(() => keptTexts(drafts, draft));
  const [content, setContent] = useState<Content>(() => {
    const start: Content = Object.fromEntries(draft.items.map((i) => [i.key, { ...i.parts }]));
    for (const [id, copy] of kept) {
      const where = partOf(id)!;
      start[where.key] = { ...start[where.key], [where.part]: copy.value };
    }
    return start;
  });
  // The texts as last changed, ahead of the next render: two insertions in a row both land.
  const latest = useRef(content);
  const [figures, setFigures] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(draft.indicators).map(([k, v]) => [k, String(v)])));
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const saver = useMemo(
    () =>
      new Autosaver<{ key: string; part?: ItemText; value: string | number | null }>(
        async (_id, change) => {
          if (change.part) await draft.saveText(change.key, change.part, change.value as string);
          else await draft.saveFigures({ [change.key]: change.value as number | null });
        },
        (id, state, failure) => {
          setStates((s) => ({ ...s, [id]: state }));
          if (state === 'saved') {
            if (partOf(id)) drafts.forget(id);
            setSaved(formatDateTime(new Date()));
            setError(null);
          }
          if (state === 'error') setError(errorText(failure));
        },
      ),
    [draft, drafts],
  );
  // Leaving the page saves what is still pending; closing the tab with unsaved text asks first.
  useEffect(() => () => void saver.flush().catch(() => undefined), [saver]);
  // What was put back from this browser goes to the engine; what waited for the connection goes once it is back.
  useEffect(() => {
    for (const [id, copy] of kept) {
      const where = partOf(id)!;
      saver.change(id, { ...where, value: copy.value });
    }
    return onReconnect(() => void saver.flush().catch(() => undefined));
  }, [saver, kept]);
  const unsaved = Object.values(states).some((s) => s !== 'saved');
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const change = (key: string, part: ItemText, text: string) => {
    latest.current = { ...latest.current, [key]: { ...latest.current[key], [part]: text } };
    setContent(latest.current);
    drafts.keep(textKey(key, part), text);
    saver.change(textKey(key, part), { key, part, value: text });
  };

  return {
    content,
    figures,
    change,
    insert: (key, part, passage) => {
      const current = (latest.current[key]?.[part] ?? '').trimEnd();
      change(key, part, current ? `${current}\n${passage}` : passage);
    },
    changeFigure: (key, text) => {
      setFigures((f) => ({ ...f, [key]: text }));
      const value = figureValue(text);
      if (value !== undefined) saver.change(figureKey(key), { key, value });
    },
    stateOf: (key) => {
      const mine = Object.entries(states)
        .filter(([id]) => id.startsWith(`text:${key}:`))
        .map(([, s]) => s);
      return mine.find((s) => s === 'error') ?? mine.find((s) => s !== 'saved') ?? mine[0];
    },
    status: error ? `Lưu không được: ${error}` : saved ? `Đã lưu tự động lúc ${saved}` : 'Chưa có thay đổi',
    error,
    restored: {
      count: kept.size,
      at:
        [...kept.values()]
          .map((k) => k.at)
          .sort()
          .at(-1) ?? null,
    },
    flush: () => saver.flush(),
  };
}
