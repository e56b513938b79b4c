/** A word-level diff (the `diff` package's), grouped to mark what changed between two versions of a part. */
import { diffWordsWithSpace } from 'diff';

export type DiffPiece = { kind: 'same' | 'added' | 'removed'; text: string };

/** Past this many words on either side (two very long texts), a replacement is shown instead of a diff. */
const MAX_WORDS = 20_000;

export function diffWords(before: string, after: string): DiffPiece[] {
  const words = (text: string) => text.match(/\S+/g)?.length ?? 0;
  if (words(before) > MAX_WORDS || words(after) > MAX_WORDS)
    return merge([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  // Words and the whitespace between them, so joining the pieces gives either text back.
  const changes = diffWordsWithSpace(before, after);
  return merge(regroup(changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }))));
}

function merge(pieces: DiffPiece[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (const piece of pieces) {
    if (!piece.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === piece.kind) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/**
 * Within a run of changes, a space kept between two changed words belongs to the change: the run
 * then reads as one deletion followed by one insertion ("có lúc còn" → "đã khắc phục"), not as
 * words struck out one by one between kept spaces.
 */
function regroup(pieces: DiffPiece[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  pieces.forEach((piece, index) => {
    const inRun = removed !== '' || added !== '';
    const next = pieces[index + 1];
    if (piece.kind === 'same' && inRun && /^\s+$/.test(piece.text) && next && next.kind !== 'same') {
      removed += piece.text;
      added += piece.text;
    } else if (piece.kind === 'removed') removed += piece.text;
    else if (piece.kind === 'added') added += piece.text;
    else {
      flush();
      out.push(piece);
    }
  });
  flush();
  return out;
}
