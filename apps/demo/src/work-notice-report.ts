import { Notification, Report } from './api-types';
import { RETURN_SCENARIO } from './drive-report';
import { Directory } from './fixture';
import { RETURN_REASON } from './report-content';
import { Sessions } from './sessions';
import { table } from './table';

const WORK_KINDS = ['task', 'return', 'adoption', 'delegation'] as const;

/**
 * Prints the notices of work the run gave people (a new task, a return quoting its reason, an
 * adoption), counted per kind, and checks the story: every drafter was told of the drafting task
 * of the launch once, with its page; the returned report's drafter was told why; every report's
 * drafters and approvers heard that it was adopted (thông qua). Their e-mails are checked with the
 * reminders' (one per notice, printReminders).
 */
export async function printWorkNotices(sessions: Sessions, directory: Directory, reports: Pick<Report, 'id' | 'unitCode'>[]): Promise<void> {
  const people = directory.fixture.users.filter((u) => u.roles.some((r) => r.role !== 'admin')).map((u) => u.username);
  const inboxes = new Map(
    await Promise.all(people.map(async (username) => [username, await (await sessions.as(username)).get<Notification[]>('/api/me/notifications')] as const)),
  );
  const work = [...inboxes].flatMap(([recipient, notices]) =>
    notices.filter((n) => (WORK_KINDS as readonly string[]).includes(n.kind)).map((n) => ({ ...n, recipient })),
  );
  console.log('\nNotices of work (in the inbox and by e-mail, once each, with the page that acts on them):');
  console.log(
    table(
      ['kind', 'notices', 'example'],
      WORK_KINDS.map((kind) => {
        const of = work.filter((n) => n.kind === kind);
        return [kind, String(of.length), of[0] ? `${of[0].recipient}: ${of[0].title}` : ''];
      }),
    ),
  );

  const problems: string[] = [];
  const check = (ok: boolean, text: string) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${text}`);
    if (!ok) problems.push(text);
  };
  console.log('Checks:');
  const launchNotices = reports.flatMap((r) =>
    directory.holders(r.unitCode, 'drafter').map((d) => ({
      unit: r.unitCode,
      found: work.filter((n) => n.recipient === d.username && n.kind === 'task' && n.reportId === r.id && n.link === `/reports/${r.id}/draft`).length,
    })),
  );
  check(
    launchNotices.every((n) => n.found === 1),
    `every drafter was told once of the drafting task of the launch, linking to its drafting page (${launchNotices.filter((n) => n.found === 1).length}/${launchNotices.length})`,
  );

  const returned = reports.find((r) => r.unitCode === RETURN_SCENARIO.unitCode)!;
  const returnNotices = directory
    .holders(returned.unitCode, 'drafter')
    .flatMap((d) => work.filter((n) => n.recipient === d.username && n.kind === 'return' && n.reportId === returned.id));
  check(
    returnNotices.length === 1 && returnNotices[0].body.includes(`Lý do: ${RETURN_REASON}`),
    `${returned.unitCode}'s drafter was told of the return by ${RETURN_SCENARIO.by}, quoting the reason: ${returnNotices.length} notice(s)`,
  );
  if (returnNotices[0]) console.log(`      “${returnNotices[0].title}”\n      ${returnNotices[0].body.replace(/\n/g, '\n      ')}`);

  const unheard = reports.flatMap((r) =>
    ['drafter', 'approver']
      .flatMap((role) => directory.holders(r.unitCode, role).map((u) => u.username))
      .filter((username) => !work.some((n) => n.recipient === username && n.kind === 'adoption' && n.reportId === r.id))
      .map((username) => `${username} (${r.unitCode})`),
  );
  check(unheard.length === 0, `every report's drafters and approvers heard it was adopted (thông qua)${unheard.length ? `; not: ${unheard.join(', ')}` : ''}`);
  if (problems.length) throw new Error(`Notices of work are not as expected:\n  - ${problems.join('\n  - ')}`);
}
