/** Two submitted versions of a level's report side by side, per item and text, words removed and added marked. */
import { useMemo, useState } from 'react';
import type { ItemText, LevelItem, LevelVersion } from './api-types';
import { formatDateTime } from './format';
import { ITEM_TEXT_LABELS } from './outline-labels';
import { diffWords } from './text-diff';

function Diff({ before, after, side }: { before: string; after: string; side: 'old' | 'new' }) {
  const pieces = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <div className="diff-text">
      {pieces.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' && side === 'old' ? (
          <del key={i} title="Đã xóa">
            {p.text}
          </del>
        ) : p.kind === 'added' && side === 'new' ? (
          <ins key={i} title="Đã thêm">
            {p.text}
          </ins>
        ) : null,
      )}
    </div>
  );
}

const label = (v: LevelVersion) => `Lần trình ${v.seq} – ${formatDateTime(v.submittedAt)} (${v.submittedBy ?? 'hệ thống'})`;

export function LevelVersionCompare({ versions, items }: { versions: LevelVersion[]; items: Pick<LevelItem, 'key' | 'title' | 'takes'>[] }) {
  const [oldSeq, setOldSeq] = useState(versions.length > 1 ? versions[versions.length - 2].seq : versions[0]?.seq);
  const [newSeq, setNewSeq] = useState(versions[versions.length - 1]?.seq);
  if (versions.length === 0) return <p className="muted">Dự thảo chưa được trình lần nào.</p>;
  if (versions.length === 1)
    return (
      <p className="muted">Mới trình một lần ({label(versions[0])}); từ lần trình thứ hai, hai lần trình sẽ hiện cạnh nhau với phần thay đổi được đánh dấu.</p>
    );
  const older = versions.find((v) => v.seq === oldSeq) ?? versions[0];
  const newer = versions.find((v) => v.seq === newSeq) ?? versions[versions.length - 1];
  const text = (v: LevelVersion, key: string, part: ItemText) => v.sections[key]?.[part] ?? '';
  const rows = items
    .flatMap((item) => item.takes.map((part) => ({ item, part, before: text(older, item.key, part), after: text(newer, item.key, part) })))
    .filter((r) => r.before !== r.after);
  const select = (id: string, title: string, value: number, set: (seq: number) => void) => (
    <div className="field">
      <label htmlFor={id}>{title}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.seq} value={v.seq}>
            {label(v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="versions">
      <div className="filters">
        {select('level-version-old', 'Lần trình trước', older.seq, setOldSeq)}
        {select('level-version-new', 'Lần trình sau', newer.seq, setNewSeq)}
      </div>
      <p className="legend small">
        <del>chữ bị xóa</del> ở lần trình trước, <ins>chữ được thêm</ins> ở lần trình sau. Chỉ hiện các phần có thay đổi.
      </p>
      {rows.length === 0 ? (
        <p className="empty">Hai lần trình giống nhau về nội dung.</p>
      ) : (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">Mục</th>
              <th scope="col">Lần trình {older.seq}</th>
              <th scope="col">Lần trình {newer.seq}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.item.key}.${r.part}`} className="changed">
                <th scope="row">
                  {r.item.title}
                  <div className="muted small">{ITEM_TEXT_LABELS[r.part]}</div>
                </th>
                <td>
                  <Diff before={r.before} after={r.after} side="old" />
                </td>
                <td>
                  <Diff before={r.before} after={r.after} side="new" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
