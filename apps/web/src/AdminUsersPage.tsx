/**
 * Người dùng, vai trò và chức vụ: who holds which role and which position on which unit; replace a
 * person's roles or positions, or hand over their tasks.
 */
import { FormEvent, useMemo, useState } from 'react';
import { api, errorText } from './api-client';
import type { OrgUnit, Role, User } from './api-types';
import { POSITION_LABELS } from '../../../libs/domain/src/positions';
import { ROLE_LABELS } from './format';
import { PasswordLinkButton } from './PasswordLinkButton';
import { PositionsEditor } from './PositionsEditor';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

function RolesEditor({ user, units, onSaved }: { user: User; units: OrgUnit[]; onSaved: (message: string) => void }) {
  const [rows, setRows] = useState(user.roles.map((r) => ({ unit: r.unitCode, role: r.role })));
  const [reassignTo, setReassignTo] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.put(`/api/users/${encodeURIComponent(user.username)}/roles`, { roles: rows });
      onSaved(`Đã cập nhật vai trò của ${user.username}.`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const reassign = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const answer = await api.post<{ moved?: number }>(`/api/users/${encodeURIComponent(user.username)}/reassign`, { to: reassignTo.trim() });
      onSaved(`Đã chuyển công việc đang mở của ${user.username} cho ${reassignTo.trim()}${answer?.moved !== undefined ? ` (${answer.moved} việc)` : ''}.`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="card roles-editor">
      <h2>
        Vai trò của {user.fullName} ({user.username})
      </h2>
      <ErrorBox>{error}</ErrorBox>
      <form onSubmit={save}>
        {rows.map((row, i) => (
          <div className="role-row" key={i}>
            <div className="field">
              <label htmlFor={`role-unit-${i}`}>Đơn vị</label>
              <select id={`role-unit-${i}`} value={row.unit} onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, unit: e.target.value } : x)))}>
                {units.map((u) => (
                  <option key={u.id} value={u.code}>
                    {u.code} – {u.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`role-role-${i}`}>Vai trò</label>
              <select id={`role-role-${i}`} value={row.role} onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="danger" onClick={() => setRows((r) => r.filter((_, j) => j !== i))} aria-label={`Bỏ vai trò ${row.role} tại ${row.unit}`}>
              Bỏ
            </button>
          </div>
        ))}
        <div className="toolbar">
          <button type="button" className="secondary" onClick={() => setRows((r) => [...r, { unit: units[0]?.code ?? '', role: 'drafter' }])}>
            Thêm vai trò
          </button>
          <button type="submit">Lưu vai trò</button>
        </div>
      </form>
      <form onSubmit={reassign} className="reassign">
        <div className="field">
          <label htmlFor="reassign-to">Chuyển mọi công việc đang mở cho (tên đăng nhập)</label>
          <input id="reassign-to" required value={reassignTo} onChange={(e) => setReassignTo(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          Chuyển công việc
        </button>
      </form>
    </div>
  );
}

export function AdminUsersPage() {
  const users = useLoad(() => api.get<User[]>('/api/users'), []);
  const units = useLoad(() => api.get<OrgUnit[]>('/api/org-units'), []);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (users.data ?? []).filter((u) => !q || `${u.username} ${u.fullName} ${u.roles.map((r) => r.unitCode).join(' ')}`.toLowerCase().includes(q));
  }, [users.data, filter]);
  const user = users.data?.find((u) => u.username === selected);

  return (
    <section>
      <PageTitle title="Người dùng">Người dùng, vai trò và chức vụ</PageTitle>
      <div className="filters">
        <div className="field">
          <label htmlFor="user-filter">Tìm theo tên, tên đăng nhập hoặc mã đơn vị</label>
          <input id="user-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      <Notice>{message}</Notice>
      <ErrorBox>{users.error}</ErrorBox>
      {user && units.data && (
        <>
          <RolesEditor
            key={user.username + user.roles.length}
            user={user}
            units={units.data}
            onSaved={(text) => {
              setMessage(text);
              void users.reload();
            }}
          />
          <PositionsEditor
            key={`${user.username}:${(user.positions ?? []).map((p) => `${p.unitCode}.${p.position}`).join(',')}`}
            user={user}
            units={units.data}
            onSaved={(text) => {
              setMessage(text);
              void users.reload();
            }}
          />
          <PasswordLinkButton key={`link:${user.username}`} user={user} onSent={setMessage} />
        </>
      )}
      {!users.data ? (
        <Loading what="người dùng" />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Tên đăng nhập</th>
                <th scope="col">Họ và tên</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Chức vụ</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} aria-selected={u.username === selected}>
                  <td>{u.username}</td>
                  <td>
                    {u.fullName}
                    <div className="muted small">{u.email}</div>
                  </td>
                  <td>
                    <ul className="plain">
                      {u.roles.map((r) => (
                        <li key={`${r.unitCode}.${r.role}`}>
                          {ROLE_LABELS[r.role]} – {r.unitCode}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ul className="plain">
                      {(u.positions ?? []).map((p) => (
                        <li key={p.unitCode}>
                          {POSITION_LABELS[p.position]} – {p.unitCode}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setSelected(u.username)} aria-label={`Sửa vai trò và chức vụ của ${u.username}`}>
                      Sửa vai trò, chức vụ
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
