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

interface PlannedReminder {
  offset: string;
  fireAt: Date;
}

/** The reminders of a due date, earliest first, each offset once. */
function remindersOf(dueAt: Date, settings: ReminderSettings): PlannedReminder[] {
  return [...new Set(settings.before)]
    .map((offset) => ({ offset, fireAt: subtractDuration(dueAt, offset) }))
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/** Of the reminders whose time has come, the one closest to the due date: the only one still worth saying. */
function latestPassed(reminders: PlannedReminder[], now: Date): PlannedReminder | undefined {
  return reminders.filter((r) => r.fireAt.getTime() <= now.getTime()).pop();
}

/**
 * What a task with a due date should be told, and when. Of the reminders whose time has already
 * passed only the latest still applies, and it fires at once unless it was sent: a person who gets
 * a task five days before its due date wants "five days left" once, not the seven-day notice as
 * well, and a worker that was down through the two-day reminder still owes it even though the
 * seven-day one went out. `sent` holds the offsets already delivered for the task (`escalation`
 * for the escalation); they never fire again.
 */
export function planNotices(dueAt: Date, settings: ReminderSettings, now: Date, sent: ReadonlySet<string>): ScheduledNotice[] {
  const reminders = remindersOf(dueAt, settings);
  const latestMissed = latestPassed(reminders, now);
  const notices: ScheduledNotice[] = reminders
    .filter((r) => r === latestMissed || r.fireAt.getTime() > now.getTime())
    .filter((r) => !sent.has(r.offset))
    .map((r) => ({ kind: 'reminder', ...r }));
  if (settings.escalateAfter && !sent.has('escalation')) {
    notices.push({ kind: 'escalation', offset: 'escalation', fireAt: addDuration(dueAt, settings.escalateAfter) });
  }
  return notices;
}

/**
 * The later reminder that makes `offset` pointless when it fires at `now` (its time has come as
 * well), or null while `offset` is still the latest one due. A job left in the queue through an
 * outage must not send the seven-day notice after the two-day one became due.
 */
export function supersedingOffset(dueAt: Date, settings: ReminderSettings, offset: string, now: Date): string | null {
  const latest = latestPassed(remindersOf(dueAt, settings), now);
  if (!latest || latest.offset === offset) return null;
  const own = subtractDuration(dueAt, offset).getTime();
  return latest.fireAt.getTime() > own ? latest.offset : null;
}
