/**
 * Choosing a person by name instead of typing a username: a type-ahead over the engine's search
 * (diacritics optional: "dang" finds "Đặng"), each person shown with their unit and position.
 * Used to delegate a task (only the colleagues who may take it) and to hand over someone's tasks.
 */
import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { api, errorText } from './api-client';
import type { User } from './api-types';
import { POSITION_LABELS } from '../../../libs/domain/src/positions';
import { ROLE_LABELS } from './format';
import './administration.css';

export interface Person {
  username: string;
  fullName: string;
  /** Unit and position, e.g. "Chi bộ Phòng Kế toán · Phó Bí thư". */
  detail: string;
}

/** Waits for the typing to pause before searching: one request per word typed, not per key. */
const TYPING_PAUSE_MS = 250;

interface Props {
  id: string;
  label: string;
  search: (words: string) => Promise<Person[]>;
  onChange: (person: Person | null) => void;
  /** Said when the search finds nobody. */
  nobody?: string;
}

export function PeoplePicker({ id, label, search, onChange, nobody = 'Không tìm thấy ai phù hợp.' }: Props) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Person[] | null>(null);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef(search);
  searchRef.current = search;
  // Leaving the field closes the list a moment later (a click on an option lands first); coming back or typing keeps it open.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keepOpen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };

  useEffect(() => {
    if (!open || chosen) return;
    let live = true;
    const timer = setTimeout(() => {
      searchRef
        .current(text.trim())
        .then((people) => {
          if (!live) return;
          setFound(people);
          setActive(0);
          setError(null);
        })
        .catch((e) => live && setError(errorText(e)));
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, chosen]);

  // A name typed but not picked must not be sent as if nobody were meant: the form stops and says so.
  useEffect(() => {
    input.current?.setCustomValidity(!chosen && text.trim() ? 'Chọn một người trong danh sách gợi ý.' : '');
  }, [chosen, text]);

  const choose = (person: Person) => {
    setChosen(person);
    setOpen(false);
    onChange(person);
  };
  const change = () => {
    setChosen(null);
    setText('');
    onChange(null);
    setOpen(true);
    setTimeout(() => input.current?.focus(), 0);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = found?.length ?? 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (count ? (a + 1) % count : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (count ? (a - 1 + count) % count : 0));
    } else if (event.key === 'Enter' && open && found?.[active]) {
      event.preventDefault();
      choose(found[active]);
    } else if (event.key === 'Escape') setOpen(false);
  };

  if (chosen) {
    return (
      <div className="field people-picker">
        <span className="people-picker-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="people-chosen" aria-labelledby={`${id}-label`} data-username={chosen.username}>
          <span>
            <strong>{chosen.fullName}</strong>
            <span className="muted small"> {chosen.detail}</span>
          </span>
          <button type="button" className="secondary" onClick={change}>
            Đổi người
          </button>
        </div>
      </div>
    );
  }

  const showList = open && found !== null;
  return (
    <div className="field people-picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        required
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && found?.length ? `${listId}-${active}` : undefined}
        placeholder="Gõ họ tên, không cần dấu"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          keepOpen();
        }}
        onFocus={keepOpen}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKey}
      />
      {error && (
        <div className="message error" role="alert">
          {error}
        </div>
      )}
      {/* "Nobody" is said in the page's flow, not over it: it must not cover the button below. */}
      {showList && found.length === 0 && (
        <p className="muted small people-none" role="status">
          {nobody}
        </p>
      )}
      {showList && found.length > 0 && (
        <ul className="people-options" id={listId} role="listbox" aria-label={label}>
          {found.map((person, index) => (
            <li
              key={person.username}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(person)}
            >
              <strong>{person.fullName}</strong>
              <span className="muted small">{person.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A user of GET /api/users as the picker shows them: where they hold a position, else where they hold roles. */
export function personOfUser(user: User): Person {
  const positions = (user.positions ?? []).map((p) => `${POSITION_LABELS[p.position]}, ${p.unitName}`);
  const roles = user.roles.filter((r) => r.unitCode).map((r) => `${ROLE_LABELS[r.role]} – ${r.unitCode}`);
  return { username: user.username, fullName: user.fullName, detail: (positions.length ? positions : roles).join('; ') || 'Chưa có vai trò' };
}

/** Everyone an administrator may pick: GET /api/users searched by name. */
export async function searchUsers(words: string, except?: string): Promise<Person[]> {
  const users = await api.get<User[]>(`/api/users?limit=20${words ? `&q=${encodeURIComponent(words)}` : ''}`);
  return users.filter((u) => u.active && u.username !== except).map(personOfUser);
}

interface DelegateCandidate {
  username: string;
  fullName: string;
  unitName: string;
  positionTitle: string | null;
}

/** The colleagues a task's holder may hand it to (same role, same unit, not yet in its round). */
export function DelegatePicker({ taskId, onChange }: { taskId: string; onChange: (username: string) => void }) {
  const search = async (words: string): Promise<Person[]> => {
    const people = await api.get<DelegateCandidate[]>(`/api/tasks/${taskId}/delegates${words ? `?q=${encodeURIComponent(words)}` : ''}`);
    return people.map((p) => ({ username: p.username, fullName: p.fullName, detail: [p.unitName, p.positionTitle].filter(Boolean).join(' · ') }));
  };
  return (
    <PeoplePicker
      id="delegate-to"
      label="Người nhận (cùng vai trò, cùng đơn vị)"
      search={search}
      onChange={(person) => onChange(person?.username ?? '')}
      nobody="Không có đồng chí nào khác cùng vai trò tại đơn vị chưa tham gia bước này."
    />
  );
}
