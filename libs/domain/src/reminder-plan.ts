import { addDuration, subtractDuration } from './iso-duration';

export interface ReminderSettings {
  /** Offsets before the due date, e.g. P7D, P2D, PT0S. */
  before: string[];
  /** How long after the due date an open task is escalated. */
  escalateAfter?: string;
}

export interface ScheduledNotice {
  kind: 'reminder' | 'escalation';
  /** The offset for reminders; `escalation` for the escalation. */
  offset: string;
  /** When it should fire. */
  fireAt: Date;
}

/**
 * What a task with a due date should be told, and when. Reminders whose time has already passed are
 * collapsed into one, the latest, fired at once: a person who gets a task five days before its due
 * date wants "five days left" once, not the seven-day notice as well. `sent` holds the offsets
 * already delivered for the task; they never fire again.
 */
export function planNotices(dueAt: Date, settings: ReminderSettings, now: Date, sent: ReadonlySet<string>): ScheduledNotice[] {
  const reminders = [...new Set(settings.before)]
    .map((offset) => ({ kind: 'reminder' as const, offset, fireAt: subtractDuration(dueAt, offset) }))
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  const missed = reminders.filter((r) => r.fireAt <= now);
  const latestMissed = missed[missed.length - 1];
  const missedSentAlready = missed.some((r) => sent.has(r.offset));
  const due = reminders.filter((r) => r.fireAt > now || (r === latestMissed && !missedSentAlready));
  const notices: ScheduledNotice[] = due.filter((r) => !sent.has(r.offset));
  if (settings.escalateAfter && !sent.has('escalation')) {
    notices.push({ kind: 'escalation', offset: 'escalation', fireAt: addDuration(dueAt, settings.escalateAfter) });
  }
  return notices;
}
