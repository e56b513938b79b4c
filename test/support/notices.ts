import { Fixture, holders, parentOf } from './fixture';
import { E2eContext } from './harness';
import { ReceivedMail } from '../kit/smtp-sink';

/** How late a mail may arrive after its time (the engine's job plus SMTP). */
export const LATE_MS = 1_500;

/** The plans' reminder settings, compressed to seconds: 4 s before and at the due date, escalation 2 s after. */
export const reminderSettings = () => ({ before: ['PT4S', 'PT0S'], escalateAfter: 'PT2S' });
export const OFFSETS_MS = [4_000, 0];
export const ESCALATE_AFTER_MS = 2_000;

export function emailOf(fixture: Fixture, username: string): string {
  const user = fixture.users.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username} in the fixture`);
  return user.email.toLowerCase();
}

export function unitName(fixture: Fixture, code: string): string {
  const unit = fixture.units.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code} in the fixture`);
  return unit.name;
}

/** Who hears of a late task: the reviewers of the unit's parent, or the root's consolidators when the parent is the root. */
export function escalationRecipients(fixture: Fixture, unit: string): string[] {
  const parent = parentOf(fixture, unit);
  return parent === fixture.plan.rootUnit ? holders(fixture, fixture.plan.rootUnit, 'consolidator') : holders(fixture, parent, 'reviewer');
}

/** Mails of one plan about one unit (unit names in the fixture are never part of one another). */
export function mailsAbout(mails: ReceivedMail[], planCode: string, name: string, email?: string): ReceivedMail[] {
  return mails
    .filter((m) => m.text.includes(planCode) && (m.subject.includes(name) || m.text.includes(name)))
    .filter((m) => email === undefined || m.rcpt.includes(email))
    .sort((a, b) => a.receivedAt - b.receivedAt);
}

/**
 * Compares arrivals with the times they were due: the same number, none before its time, none more
 * than LATE_MS after. Answers the problems found (empty when all is well), so one run shows them all.
 */
export function timingProblems(what: string, mails: ReceivedMail[], expectedAt: number[], lateMs = LATE_MS): string[] {
  const at = mails.map((m) => m.receivedAt).sort((a, b) => a - b);
  const want = [...expectedAt].sort((a, b) => a - b);
  if (at.length !== want.length) {
    return [`${what}: ${at.length} mail(s) at ${at.map(iso).join(', ') || '-'}, expected ${want.length} at ${want.map(iso).join(', ')}`];
  }
  return want.flatMap((t, i) => {
    const delta = at[i] - t;
    if (delta < 0) return [`${what}: mail ${i + 1} came ${-delta} ms before its time ${iso(t)}`];
    if (delta > lateMs) return [`${what}: mail ${i + 1} came ${delta} ms after its time ${iso(t)}`];
    return [];
  });
}

const iso = (ms: number) => new Date(ms).toISOString().slice(11, 23);

/** Notification rows of one task's reminders and escalations, as stored (the idempotency keys and the e-mail state). */
export async function noticesOfTask(ctx: E2eContext, taskId: string): Promise<{ kind: string; dedup_key: string; email: string; email_state: string }[]> {
  const { rows } = await ctx.db.query<{ kind: string; dedup_key: string; email: string; email_state: string }>(
    `SELECT n.kind, n.dedup_key, lower(u.email) AS email, n.email_state FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.task_id = $1 AND n.kind NOT IN (${WORK_NOTICE_KINDS.map((k) => `'${k}'`).join(', ')}) ORDER BY n.dedup_key`,
    [taskId],
  );
  return rows;
}

/**
 * The notices of work given or changed (a new task, a return, an adoption, a delegation), beside
 * the reminders, escalations and digests the tests of deadlines are about (test/work-notices).
 */
export const WORK_NOTICE_KINDS = ['task', 'return', 'adoption', 'delegation'] as const;
const WORK_NOTICE_TITLES = /^(Công việc mới|Báo cáo bị trả lại|Trả lại để xem xét lại|Báo cáo đã được thông qua|Công việc được chuyển cho đồng chí): /;

/** A mail of such a notice, which a sink of a test about deadlines ignores (SinkOptions). */
export function isWorkNoticeMail(mail: ReceivedMail): boolean {
  return WORK_NOTICE_TITLES.test(mail.subject);
}
