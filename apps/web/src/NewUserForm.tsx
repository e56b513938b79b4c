/**
 * Thêm người dùng: an administrator adds one person; the engine e-mails them a link to set their own
 * password, so no password is ever typed or handed over here. Roles and positions come next.
 */
import { FormEvent, useState } from 'react';
import { ApiError, api, errorText } from './api-client';
import type { User } from './api-types';
import { ErrorBox } from './ui';

type Field = 'username' | 'fullName' | 'email';

const LABELS: Record<Field, string> = { username: 'Tên đăng nhập', fullName: 'Họ và tên', email: 'Thư điện tử' };
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with each field, checked here first so the administrator fixes everything at once. */
function problemsOf(values: Record<Field, string>): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!USERNAME.test(values.username)) problems.username = 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (ví dụ: nguyen.van.an).';
  if (!values.fullName.trim()) problems.fullName = 'Cần nhập họ và tên.';
  if (!EMAIL.test(values.email.trim())) problems.email = 'Thư điện tử không đúng dạng (ví dụ: an.nv@example.vn).';
  return problems;
}

/** The engine's 400 names each field in Vietnamese: each message goes under the field it begins with. */
function problemsFromAnswer(error: ApiError): Partial<Record<Field, string>> {
  const messages = Array.isArray(error.body.message) ? (error.body.message as string[]) : [String(error.body.message ?? '')];
  const problems: Partial<Record<Field, string>> = {};
  for (const message of messages) {
    const field = (Object.keys(LABELS) as Field[]).find((f) => message.toLowerCase().includes(LABELS[f].toLowerCase()));
    if (field) problems[field] = message;
  }
  return problems;
}

interface Created extends User {
  setPasswordLink: { email: string; expiresInDays: number };
}

export function NewUserForm({ onCreated }: { onCreated: (user: User, message: string) => void }) {
  const [values, setValues] = useState<Record<Field, string>>({ username: '', fullName: '', email: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = problemsOf(values);
    setProblems(found);
    if (Object.keys(found).length) {
      document.getElementById(`new-user-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const user = await api.post<Created>('/api/users', { username: values.username, fullName: values.fullName.trim(), email: values.email.trim() });
      setValues({ username: '', fullName: '', email: '' });
      onCreated(
        user,
        `Đã thêm đồng chí ${user.fullName} (${user.username}) và gửi liên kết đặt mật khẩu tới ${user.setPasswordLink.email} (dùng được ${user.setPasswordLink.expiresInDays} ngày). Hãy giao vai trò cho đồng chí ở dưới.`,
      );
    } catch (e) {
      const named = e instanceof ApiError && e.status === 400 ? problemsFromAnswer(e) : {};
      if (e instanceof ApiError && e.status === 409) setProblems({ username: errorText(e) });
      else if (Object.keys(named).length) setProblems(named);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card new-user" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">Thêm người dùng</h2>
      <p className="muted small">Đồng chí được thêm sẽ nhận thư điện tử có liên kết để tự đặt mật khẩu.</p>
      <ErrorBox>{error}</ErrorBox>
      <div className="new-user-fields">
        {(Object.keys(LABELS) as Field[]).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`new-user-${field}`}>{LABELS[field]}</label>
            <input
              id={`new-user-${field}`}
              type={field === 'email' ? 'email' : 'text'}
              autoComplete="off"
              value={values[field]}
              aria-invalid={!!problems[field]}
              aria-describedby={problems[field] ? `new-user-${field}-problem` : undefined}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
            {problems[field] && (
              <span className="field-problem" id={`new-user-${field}-problem`}>
                {problems[field]}
              </span>
            )}
          </div>
        ))}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Đang thêm…' : 'Thêm người dùng'}
      </button>
    </form>
  );
}
