/** An administrator sets the positions (chức vụ) a person holds, one per unit: who signs an adopted report. */
import { FormEvent, useState } from 'react';
import { POSITION_LABELS } from '../../../libs/domain/src/positions';
import { api, errorText } from './api-client';
import type { OrgUnit, Position, User } from './api-types';
import { ErrorBox } from './ui';

const POSITIONS = Object.keys(POSITION_LABELS) as Position[];

export function PositionsEditor({ user, units, onSaved }: { user: User; units: OrgUnit[]; onSaved: (message: string) => void }) {
  const [rows, setRows] = useState((user.positions ?? []).map((p) => ({ unit: p.unitCode, position: p.position })));
  const [error, setError] = useState<string | null>(null);
  const update = (i: number, change: Partial<(typeof rows)[number]>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...change } : x)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.put(`/api/users/${encodeURIComponent(user.username)}/positions`, { positions: rows });
      onSaved(`Đã cập nhật chức vụ của ${user.fullName} (${user.username}).`);
    } catch (e) {
      // A second Bí thư: the answer names who holds the post.
      setError(errorText(e));
    }
  };

  return (
    <div className="card positions-editor">
      <h2>Chức vụ của {user.fullName}</h2>
      <p className="small muted">Mỗi đơn vị một chức vụ; mỗi đơn vị chỉ có một Bí thư. Bí thư (hoặc Phó Bí thư ký thay) ký văn bản được thông qua.</p>
      <ErrorBox>{error}</ErrorBox>
      <form onSubmit={save}>
        {rows.length === 0 && <p className="muted">Chưa có chức vụ nào.</p>}
        {rows.map((row, i) => (
          <div className="role-row" key={i}>
            <div className="field">
              <label htmlFor={`position-unit-${i}`}>Đơn vị</label>
              <select id={`position-unit-${i}`} value={row.unit} onChange={(e) => update(i, { unit: e.target.value })}>
                {units.map((u) => (
                  <option key={u.id} value={u.code}>
                    {u.name} ({u.code})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`position-position-${i}`}>Chức vụ</label>
              <select id={`position-position-${i}`} value={row.position} onChange={(e) => update(i, { position: e.target.value as Position })}>
                {POSITIONS.map((position) => (
                  <option key={position} value={position}>
                    {POSITION_LABELS[position]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="danger"
              onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
              aria-label={`Bỏ chức vụ ${POSITION_LABELS[row.position]} tại ${row.unit}`}
            >
              Bỏ
            </button>
          </div>
        ))}
        <div className="toolbar">
          <button type="button" className="secondary" onClick={() => setRows((r) => [...r, { unit: units[0]?.code ?? '', position: 'dang_vien' }])}>
            Thêm chức vụ
          </button>
          <button type="submit">Lưu chức vụ</button>
        </div>
      </form>
    </div>
  );
}
