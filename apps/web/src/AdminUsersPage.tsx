/**
 * Người dùng, vai trò và chức vụ: who holds which role and which position on which unit; add a
 * person, replace their roles or positions, hand over their tasks, lock or open their account and
 * send them a new set-password link. Names are searched by the engine, diacritics optional.
 */
import { FormEvent, useEffect, useState } from 'react';
import { api, errorText } from './api-client';
import type { OrgUnit, Role, User } from './api-types';
import { POSITION_LABELS } from '../../../libs/domain/src/positions';
import { AccountCard } from './AccountCard';
import { ROLE_LABELS } from './format';
import { NewUserForm } from './NewUserForm';
import { PeoplePicker, Person, searchUsers } from './PeoplePicker';
import { PositionsEditor } from './PositionsEditor';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLoad } from './use-load';
import { ScrollRegion } from './ScrollRegion';
import './administration.css';

/** People listed per search: an office finds a person by name, it does not scroll thousands. */
const LISTED = 200;
/** The list follows the search box once typing pauses. */
const TYPING_PAUSE_MS = 300;

const ROLES = Object.keys(ROLE_LABELS) as Role[];

function RolesEditor({ user, units, onSaved }: { user: User; units: OrgUnit[]; onSaved: (message: string) => void }) {
  const [rows, setRows] = useState(user.roles.map((r) => ({ unit: r.unitCode, role: r.role })));
  const [reassignTo, setReassignTo] = useState<Person | null>(null);
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
    if (!reassignTo) return;
    try {
      const answer = await api.post<{ moved: number; notMoved: { reason: string }[] }>(`/api/users/${encodeURIComponent(user.username)}/reassign`, {
        to: reassignTo.username,
      });
      const reasons = [...new Set(answer.notMoved.map((n) => n.reason))].join(' ');
      const left = answer.notMoved.length ? ` ${answer.notMoved.length} việc không chuyển được: ${reasons}` : '';
      onSaved(`Đã chuyển ${answer.moved} việc đang mở của ${user.fullName} cho ${reassignTo.fullName}.${left}`);
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
              <select
                id={`role-unit-${i}`}
                value={row.unit ?? undefined}
                onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, unit: e.target.value } : x)))}
              >
                {units.map((u) => (
                  <option key={u.id} value={u.code}>
                    {u.code} – {u.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`role-role-${i}`}>Vai trò</label>
              <select
                id={`role-role-${i}`}
                value={row.role}
                onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="danger"
              onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
              aria-label={`Bỏ vai trò ${row.role} tại ${row.unit}`}
            >
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
        <PeoplePicker
          id="reassign-to"
          label="Chuyển mọi công việc đang mở cho"
          search={(words) => searchUsers(words, user.username)}
          onChange={setReassignTo}
        />
        <button type="submit" className="secondary" disabled={!reassignTo}>
          Chuyển công việc
        </button>
      </form>
    </div>
  );
}

export function AdminUsersPage() {
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filter]);
  const users = useLoad(() => api.get<User[]>(`/api/users?limit=${LISTED}${query ? `&q=${encodeURIComponent(query)}` : ''}`), [query]);
  const units = useLoad(() => api.get<OrgUnit[]>('/api/org-units'), []);
  const [selected, setSelected] = useState<User | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const shown = users.data ?? [];
  // The person being edited, as the list last read them (after a save), even when a search hides them.
  const user = selected ? (shown.find((u) => u.username === selected.username) ?? selected) : undefined;
  const reloadSelected = async (text: string) => {
    setMessage(text);
    await users.reload();
    if (selected) setSelected(await api.get<User>(`/api/users/${encodeURIComponent(selected.username)}`));
  };

  return (
    <section>
      <PageTitle title="Người dùng">Người dùng, vai trò và chức vụ</PageTitle>
      <NewUserForm
        onCreated={(created, text) => {
          setMessage(text);
          setSelected(created);
          setFilter(created.username);
        }}
      />
      <div className="filters">
        <div className="field">
          <label htmlFor="user-filter">Tìm theo tên hoặc tên đăng nhập (không cần gõ dấu)</label>
          <input id="user-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      <Notice>{message}</Notice>
      <ErrorBox>{users.error}</ErrorBox>
      {user && units.data && (
        <>
          <RolesEditor key={user.username + user.roles.length} user={user} units={units.data} onSaved={(text) => void reloadSelected(text)} />
          <PositionsEditor
            key={`${user.username}:${(user.positions ?? []).map((p) => `${p.unitCode}.${p.position}`).join(',')}`}
            user={user}
            units={units.data}
            onSaved={(text) => void reloadSelected(text)}
          />
          <AccountCard key={`account:${user.username}:${user.active}`} user={user} onChanged={(text) => void reloadSelected(text)} />
        </>
      )}
      {users.data?.length === LISTED && (
        <p className="muted small" role="status">
          Đang hiện {LISTED} người đầu tiên theo tên đăng nhập; gõ tên để tìm người khác.
        </p>
      )}
      {users.data?.length === 0 && (
        <p className="muted" role="status">
          Không tìm thấy ai có tên hoặc tên đăng nhập như “{query}”.
        </p>
      )}
      {!users.data ? (
        <Loading what="người dùng" />
      ) : (
        <ScrollRegion label="Danh sách người dùng">
          <table>
            <thead>
              <tr>
                <th scope="col">Tên đăng nhập</th>
                <th scope="col">Họ và tên</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Chức vụ</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} aria-selected={u.username === user?.username} className={u.active ? undefined : 'inactive'}>
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
                    <span className={`user-status ${u.active ? 'active' : 'inactive'}`}>{u.active ? 'Đang hoạt động' : 'Đã khóa'}</span>
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setSelected(u)}>
                      Sửa vai trò và chức vụ<span className="visually-hidden"> của {u.username}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
