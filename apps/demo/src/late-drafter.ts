import { ApiClient } from './api-client';
import { Notification, Report, Task } from './api-types';
import { LATE_SCENARIO, lateNoticeTimes, SCHEDULE, vietnamDateTime } from './compressed-schedule';
import { Directory } from './fixture';
import { log } from './log';
import { pollUntil } from './poll';
import { ReportActions } from './report-actions';

/** What the late unit's drafting task was, and who was told about it. */
export interface LateStory {
  report: Report;
  task: Task;
  dueAt: Date;
  drafter: string;
  escalatedTo: string[];
}

/**
 * The one drafter who lets the deadline pass: it leaves its drafting task open until the engine has
 * sent it every reminder and the escalation has reached the reviewers above, waiting on the inboxes
 * (state), not on the clock; then it drafts and submits like everyone else.
 */
export class LateDrafter {
  story?: LateStory;

  constructor(
    private readonly actions: ReportActions,
    private readonly directory: Directory,
  ) {}

  isLate(report: Report): boolean {
    return report.unitCode === LATE_SCENARIO.unitCode;
  }

  /** Who the engine escalates to: the reviewers of the unit's parent, the root's consolidators at the root. */
  escalationRecipients(unitCode: string): string[] {
    const { rootUnit } = this.directory.fixture.plan;
    const parent = this.directory.unit(unitCode).parent;
    const reviewers =
      parent && parent !== rootUnit ? this.directory.fixture.users.filter((u) => u.roles.some((r) => r.unit === parent && r.role === 'reviewer')) : [];
    const users = reviewers.length ? reviewers : this.directory.holders(rootUnit, 'consolidator');
    return users.map((u) => u.username);
  }

  async waitForNotices(report: Report): Promise<void> {
    const unit = report.unitCode.padEnd(10);
    const drafterName = await this.actions.drafterOf(report);
    const drafter = await this.actions.sessionOf(drafterName);
    const task = await pollUntil(
      async () => (await drafter.get<Task[]>('/api/tasks')).find((t) => t.reportId === report.id && t.stage === 'drafting' && t.state === 'open'),
      { what: `an open drafting task for ${report.unitCode} in ${drafterName}'s inbox` },
    );
    if (!task.dueAt) throw new Error(`${report.unitCode}'s drafting task has no due date although the plan sets one`);
    const dueAt = new Date(task.dueAt);
    const times = lateNoticeTimes(dueAt);
    const escalatedTo = this.escalationRecipients(report.unitCode);
    this.story = { report, task, dueAt, drafter: drafterName, escalatedTo };
    log(
      `${unit} ${drafterName} leaves drafting open past its due date ${vietnamDateTime(dueAt)} ` +
        `(reminders at ${times.reminders.map(clock).join(' and ')}, escalation at ${clock(times.escalation)})`,
    );

    await this.awaitNotices(drafter, task, 'reminder', SCHEDULE.before.length, times.reminders.at(-1)!);
    for (const name of escalatedTo) await this.awaitNotices(await this.actions.sessionOf(name), task, 'escalation', 1, times.escalation);
    log(`${unit} ${drafterName} drafts now, ${((Date.now() - dueAt.getTime()) / 1000).toFixed(1)} s after the due date`);
  }

  /** Polls one person's inbox until `count` notices of `kind` about the task have arrived, logging each. */
  private async awaitNotices(client: ApiClient, task: Task, kind: Notification['kind'], count: number, expectedBy: Date): Promise<void> {
    const seen = new Set<string>();
    await pollUntil(
      async () => {
        const notices = (await client.get<Notification[]>('/api/me/notifications'))
          .filter((n) => n.taskId === task.id && n.kind === kind)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        for (const n of notices.filter((n) => !seen.has(n.id))) {
          seen.add(n.id);
          log(`${task.unitCode.padEnd(10)} ${client.username} got ${kind} ${seen.size}/${count}: ${n.title}`);
        }
        return notices.length >= count ? true : undefined;
      },
      {
        what: `${count} ${kind} notice(s) about ${task.unitCode}'s ${task.stage} task in ${client.username}'s inbox`,
        timeoutMs: Math.max(0, expectedBy.getTime() - Date.now()) + 10_000,
        intervalMs: 200,
      },
    );
  }
}

const clock = (at: Date) => vietnamDateTime(at).slice(11);
