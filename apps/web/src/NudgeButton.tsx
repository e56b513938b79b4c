/**
 * Đôn đốc: one action reminds the people who must act on overdue units' reports (POST
 * /api/plans/:id/nudges). The engine allows it once per unit per day and says which units it skipped
 * and why; the result is announced in a status line beside the button.
 */
import { useState } from 'react';
import { api, ApiError } from './api-client';

export interface NudgeAnswer {
  sent: { unitCode: string; unitName: string; recipients: number }[];
  skipped: { unitCode: string; unitName: string; reason: string; message: string }[];
}

function summary(answer: NudgeAnswer): string {
  const sent = answer.sent.length ? `Đã đôn đốc ${answer.sent.map((s) => `${s.unitName} (${s.recipients} người nhận)`).join(', ')}.` : '';
  const skipped = answer.skipped.map((s) => `${s.unitName}: ${s.message}`).join(' ');
  return [sent, skipped].filter(Boolean).join(' ');
}

export function NudgeButton({
  planId,
  units,
  label,
  done,
  onNudged,
}: {
  planId: string;
  /** The units to remind: code and name. */
  units: { unitCode: string; unitName: string }[];
  /** The button's visible text. */
  label: string;
  /** Already nudged today (by this button or another): says so instead of offering the button. */
  done: boolean;
  onNudged: (answer: NudgeAnswer) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async () => {
    setBusy(true);
    setResult(null);
    try {
      const answer = await api.post<NudgeAnswer>(`/api/plans/${planId}/nudges`, { units: units.map((u) => u.unitCode) });
      setResult({ ok: true, text: summary(answer) });
      onNudged(answer);
    } catch (error) {
      const body = error instanceof ApiError ? (error.body as Partial<NudgeAnswer>) : {};
      if (error instanceof ApiError && error.status === 409 && Array.isArray(body.skipped)) {
        setResult({ ok: false, text: summary({ sent: [], skipped: body.skipped }) });
        onNudged({ sent: [], skipped: body.skipped });
      } else setResult({ ok: false, text: error instanceof Error ? error.message : 'Không gửi được lời đôn đốc.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="nudge">
      {done ? (
        <span className="small muted">Đã đôn đốc hôm nay</span>
      ) : (
        <button type="button" className="secondary small-button" onClick={() => void send()} disabled={busy || units.length === 0}>
          {busy ? 'Đang gửi…' : label}
        </button>
      )}
      <span role="status" className={`small ${result?.ok === false ? 'error-text' : 'ok-text'}`}>
        {result?.text}
      </span>
    </span>
  );
}
