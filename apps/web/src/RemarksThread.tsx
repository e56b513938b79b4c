/**
 * The remarks on one item of a report, each with its thread: a reviewer holding a task adds one
 * (optionally quoting a passage of the item), the drafters answer or mark it resolved.
 */
import { FormEvent, useState } from 'react';
import { api, errorText } from './api-client';
import { formatDateTime } from './format';
import type { Remark } from './review-types';
import { ErrorBox } from './ui';
import './review.css';

export interface RemarkRights {
  /** Holds a review or adoption task on the report: may add remarks and answer. */
  review: boolean;
  /** A drafter of the report's unit: may answer and resolve. */
  draft: boolean;
}

interface Props {
  reportId: string;
  section: { key: string; title: string };
  remarks: Remark[];
  rights: RemarkRights;
  onChange: (remark: Remark) => void;
}

export function RemarksThread({ reportId, section, remarks, rights, onChange }: Props) {
  const open = remarks.filter((r) => !r.resolvedAt).length;
  return (
    <div className="remarks" data-remarks-section={section.key}>
      <p className="remarks-count small">
        {remarks.length === 0 ? 'Chưa có góp ý' : `${remarks.length} góp ý${open ? `, ${open} chưa xử lý` : ', đã xử lý hết'}`}
      </p>
      {remarks.map((remark) => (
        <RemarkItem key={remark.id} remark={remark} rights={rights} onChange={onChange} />
      ))}
      {rights.review && <NewRemark reportId={reportId} section={section} onAdded={onChange} />}
    </div>
  );
}

function RemarkItem({ remark, rights, onChange }: { remark: Remark; rights: RemarkRights; onChange: (remark: Remark) => void }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answerId = `answer-${remark.id}`;

  const send = async (work: () => Promise<Remark>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await work());
      setAnswer('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const reply = (event: FormEvent) => {
    event.preventDefault();
    if (!answer.trim()) {
      setError('Cần nhập nội dung trả lời.');
      return;
    }
    void send(() => api.post<Remark>(`/api/remarks/${remark.id}/replies`, { text: answer.trim() }));
  };

  return (
    <article className={`remark${remark.resolvedAt ? ' resolved' : ''}`} aria-label={`Góp ý của ${remark.authorName}`}>
      {remark.quote && <blockquote className="remark-quote prewrap">{remark.quote}</blockquote>}
      <p className="remark-text prewrap">{remark.text}</p>
      <p className="muted small">
        {remark.authorName} · {formatDateTime(remark.createdAt)}
        {remark.resolvedAt && (
          <span className="remark-resolved">
            {' '}
            · Đã xử lý ({remark.resolvedByName}, {formatDateTime(remark.resolvedAt)})
          </span>
        )}
      </p>
      {remark.replies.length > 0 && (
        <ol className="remark-replies">
          {remark.replies.map((r) => (
            <li key={r.id}>
              <span className="prewrap">{r.text}</span>
              <span className="muted small">
                {' '}
                – {r.authorName}, {formatDateTime(r.createdAt)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <ErrorBox>{error}</ErrorBox>
      {!remark.resolvedAt && (rights.draft || rights.review) && (
        <form className="remark-answer" onSubmit={reply} noValidate>
          <label htmlFor={answerId}>Trả lời góp ý</label>
          <textarea id={answerId} rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />
          <div className="remark-buttons">
            <button type="submit" className="secondary" disabled={busy}>
              Gửi trả lời
            </button>
            {rights.draft && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void send(() => api.post<Remark>(`/api/remarks/${remark.id}/resolve`))}
              >
                Đánh dấu đã xử lý
              </button>
            )}
          </div>
        </form>
      )}
    </article>
  );
}

function NewRemark({ reportId, section, onAdded }: { reportId: string; section: { key: string; title: string }; onAdded: (remark: Remark) => void }) {
  const [text, setText] = useState('');
  const [quote, setQuote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `remark-${section.key}`;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Cần nhập nội dung góp ý.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onAdded(
        await api.post<Remark>(`/api/reports/${reportId}/remarks`, {
          section: section.key,
          text: text.trim(),
          ...(quote.trim() ? { quote: quote.trim() } : {}),
        }),
      );
      setText('');
      setQuote('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="remark-new">
      <summary>Thêm góp ý cho mục này</summary>
      <form onSubmit={add} noValidate>
        <ErrorBox>{error}</ErrorBox>
        <label htmlFor={`${id}-quote`}>Đoạn trích dẫn (không bắt buộc)</label>
        <div className="remark-quote-input">
          <input id={`${id}-quote`} value={quote} onChange={(e) => setQuote(e.target.value)} />
          <button
            type="button"
            className="secondary"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setQuote(window.getSelection()?.toString().trim() ?? '')}
          >
            Lấy đoạn đang chọn
          </button>
        </div>
        <label htmlFor={`${id}-text`}>
          Nội dung góp ý{' '}
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </label>
        <textarea id={`${id}-text`} rows={3} required aria-required="true" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={busy}>
          Gửi góp ý
        </button>
      </form>
    </details>
  );
}
