/** A word-level diff (longest common subsequence), enough to mark what changed between two versions of a part. */
export type DiffPiece = { kind: 'same' | 'added' | 'removed'; text: string };

/** Words and the whitespace between them, so joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

const MAX_CELLS = 4_000_000;

export function diffWords(before: string, after: string): DiffPiece[] {
  const a = tokens(before);
  const b = tokens(after);
  // Past a few million cells (two very long, very different texts) show a replacement instead.
  if (a.length * b.length > MAX_CELLS) return merge([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffPiece[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ kind: 'removed', text: a[i++] });
    } else {
      out.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++] });
  while (j < m) out.push({ kind: 'added', text: b[j++] });
  return merge(regroup(out));
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
