import { ApiClient } from './api-client';
import { AuditEvent, Notification, Report, Task } from './api-types';
import { SCHEDULE, vietnamDateTime } from './compressed-schedule';
import { Directory } from './fixture';
import { LateStory } from './late-drafter';
import { pollUntil } from './poll';
import { Sessions } from './sessions';
import { ReceivedMail, SmtpSink } from './smtp-sink';
import { table } from './table';

interface Received extends Notification {
  recipient: string;
}

/** What kind of notice an e-mail carries, read from the engine's Vietnamese subject. */
function mailKind(subject: string): string {
  if (subject.startsWith('Nhắc việc')) return 'reminder';
  if (subject.startsWith('Quá hạn')) return 'escalation';
  if (subject.startsWith('Công việc cần xử lý')) return 'digest';
  if (subject.startsWith('Công việc mới')) return 'task';
  if (subject.startsWith('Báo cáo bị trả lại') || subject.startsWith('Trả lại để xem xét lại')) return 'return';
  if (subject.startsWith('Báo cáo đã được thông qua')) return 'adoption';
  if (subject.startsWith('Công việc được chuyển')) return 'delegation';
  return 'other';
}

/**
 * Prints every reminder and escalation of the run, read from the in-app inbox of each fixture user,
 * and the e-mails the SMTP sink received, then checks the story: the late drafter got one reminder
 * per offset, the parent's reviewers one escalation each, nobody anything else, and each notice
 * exactly one e-mail. The section is printed before a failed check throws, so it shows what happened.
 */
export async function printReminders(
  admin: ApiClient,
  sessions: Sessions,
  directory: Directory,
  sink: SmtpSink,
  story: LateStory,
  reports: Pick<Report, 'id' | 'unitCode'>[],
): Promise<void> {
  const people = directory.fixture.users.filter((u) => u.roles.some((r) => r.role !== 'admin')).map((u) => u.username);
  const inboxes = await Promise.all(
    people.map(async (username) => {
      const notices = await (await sessions.as(username)).get<Notification[]>('/api/me/notifications');
      return notices.map((n): Received => ({ ...n, recipient: username }));
    }),
  );
  const all = inboxes.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.recipient.localeCompare(b.recipient));
  const notices = all.filter((n) => n.kind === 'reminder' || n.kind === 'escalation');
  const digests = all.filter((n) => n.kind === 'digest'); // only if the run crosses the 07:30 digest

  // Each notice's e-mail goes through the notifications queue: wait for them (state, not time).
  await pollUntil(async () => (sink.mails.length >= all.length ? true : undefined), {
    what: `${all.length} e-mails at the SMTP sink (${sink.mails.length} so far)`,
    timeoutMs: 10_000,
    intervalMs: 100,
  }).catch(() => undefined); // a shortfall is reported by the checks below, with the rest of the story

  const task = await (await sessions.as(story.drafter)).get<Task>(`/api/tasks/${story.task.id}`);
  const since = (at: string) => {
    const s = (new Date(at).getTime() - story.dueAt.getTime()) / 1000;
    return `${s < 0 ? '−' : '+'}${Math.abs(s).toFixed(1)} s`;
  };

  console.log(
    `\nReminders and escalations (deadlines compressed to seconds: drafting due ${SCHEDULE.draftingDueS} s after the plan was ` +
      `created, reminders ${SCHEDULE.before.join(' and ')} before it, escalation ${SCHEDULE.escalateAfter} after)`,
  );
  console.log(
    `${story.report.unitCode}'s drafting task (${story.drafter}) was due ${vietnamDateTime(story.dueAt)} and stayed open until ` +
      `${task.completedAt ? vietnamDateTime(new Date(task.completedAt)) : '(still open)'}; every other drafter submitted before any reminder was due.`,
  );
  console.log(
    table(
      ['time (+07:00)', 'vs due', 'recipient', 'kind', 'title'],
      [...notices, ...digests].map((n) => [
        vietnamDateTime(new Date(n.createdAt)),
        n.taskId === story.task.id ? since(n.createdAt) : '',
        n.recipient,
        n.kind,
        n.title,
      ]),
    ),
  );

  const problems: string[] = [];
  const about = (n: Received) => n.taskId === story.task.id;
  const reminders = notices.filter((n) => about(n) && n.kind === 'reminder' && n.recipient === story.drafter);
  const escalations = notices.filter((n) => about(n) && n.kind === 'escalation' && story.escalatedTo.includes(n.recipient));
  const others = notices.filter((n) => !reminders.includes(n) && !escalations.includes(n));
  const parent = directory.unit(story.report.unitCode).parent;
  const escalationEvents = (await admin.get<AuditEvent[]>(`/api/reports/${story.report.id}/events`)).filter((e) => e.action === 'escalate');

  console.log('Checks:');
  const check = (ok: boolean, text: string, problem: string) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${text}`);
    if (!ok) problems.push(problem);
  };
  check(
    reminders.length === SCHEDULE.before.length,
    `${story.drafter} (drafter of ${story.report.unitCode}): ${reminders.length} reminder(s) about its drafting task, expected ${SCHEDULE.before.length} (one per offset)`,
    `${story.drafter} got ${reminders.length} reminder(s) about the late drafting task, expected ${SCHEDULE.before.length}`,
  );
  for (const name of story.escalatedTo) {
    const n = escalations.filter((e) => e.recipient === name).length;
    check(n === 1, `${name} (reviewer of ${parent}, the parent unit): ${n} escalation(s), expected 1`, `${name} got ${n} escalation(s), expected 1`);
  }
  check(
    escalationEvents.length === 1,
    `${story.report.unitCode}'s audit trail: ${escalationEvents.length} 'escalate' event(s) by ${escalationEvents.map((e) => actorOf(e.actor)).join(', ') || 'nobody'}, expected 1`,
    `${escalationEvents.length} escalate audit events on ${story.report.unitCode}'s report, expected 1`,
  );
  const early = reports.filter((r) => r.id !== story.report.id);
  const earlyDrafters = early.flatMap((r) => directory.holders(r.unitCode, 'drafter').map((u) => ({ report: r, username: u.username })));
  const earlyNoise = notices.filter((n) => earlyDrafters.some((d) => d.username === n.recipient && d.report.id === n.reportId));
  check(
    earlyNoise.length === 0,
    `drafters who submitted early (${early.length} units: ${[...new Set(earlyDrafters.map((d) => d.username))].join(', ')}): ` +
      `${earlyNoise.length} reminder(s) or escalation(s) about their own reports`,
    `early drafters were notified: ${earlyNoise.map((n) => `${n.recipient} ${n.kind} "${n.title}"`).join('; ')}`,
  );
  check(
    others.length === 0,
    `anyone else: ${others.length} reminder(s) or escalation(s)`,
    `unexpected notices: ${others.map((n) => `${n.recipient} ${n.kind} at ${n.createdAt} "${n.title}"`).join('; ')}`,
  );

  // E-mails: one per notice, to its recipient, with its title as the subject.
  const byEmail = new Map(directory.fixture.users.map((u) => [u.email.toLowerCase(), u.username]));
  const recipientsOf = (m: ReceivedMail) => m.to.map((address) => byEmail.get(address) ?? address);
  const unmatched = [...sink.mails];
  const missing: Received[] = [];
  for (const n of all) {
    const i = unmatched.findIndex((m) => m.subject === n.title && recipientsOf(m).includes(n.recipient));
    if (i < 0) missing.push(n);
    else unmatched.splice(i, 1);
  }
  const perKind = new Map<string, number>();
  for (const m of sink.mails) perKind.set(mailKind(m.subject), (perKind.get(mailKind(m.subject)) ?? 0) + 1);
  const counts = [...perKind].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
  console.log(`\nE-mails received by the SMTP sink on 127.0.0.1:${sink.port}: ${sink.mails.length} (${counts}); subjects decoded from RFC 2047:`);
  const shown = [...sink.mails].sort((a, b) => +a.at - +b.at).slice(0, 6);
  console.log(
    table(
      ['received (+07:00)', 'to', 'subject'],
      shown.map((m) => [vietnamDateTime(m.at), recipientsOf(m).join(', '), m.subject]),
    ),
  );
  check(
    missing.length === 0 && unmatched.length === 0,
    `${all.length} notice(s), ${sink.mails.length} e-mail(s): ${missing.length} notice(s) without an e-mail, ${unmatched.length} e-mail(s) without a notice (duplicates)`,
    `e-mails do not match the notices one to one: missing for ${missing.map((n) => `${n.recipient} "${n.title}"`).join('; ') || 'none'}; ` +
      `extra: ${unmatched.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ') || 'none'}`,
  );
  if (problems.length > 0) throw new Error(`Reminders and escalations are not as expected:\n  - ${problems.join('\n  - ')}`);
}

function actorOf(actor: unknown): string {
  if (typeof actor === 'string') return actor;
  if (actor && typeof actor === 'object') return String((actor as Record<string, unknown>).username ?? JSON.stringify(actor));
  return 'system';
}
