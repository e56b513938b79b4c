import { ApiClient } from './api-client';
import { Report, Task } from './api-types';
import { Directory } from './fixture';
import { log } from './log';
import { pollUntil } from './poll';
import { indicatorsFor, INDICATORS, SectionParts, sectionText } from './report-content';
import { Sessions } from './sessions';
import { approvalsNeeded, describeRule, WorkflowCatalog } from './workflow-catalog';

/** The steps people take on one report over HTTP, each waiting until the engine has applied it. */
export class ReportActions {
  constructor(
    private readonly admin: ApiClient,
    private readonly sessions: Sessions,
    private readonly directory: Directory,
    private readonly workflow: WorkflowCatalog,
  ) {}

  get(reportId: string): Promise<Report> {
    return this.admin.get<Report>(`/api/reports/${reportId}`);
  }

  /** Waits until the report leaves `from` (applied by a worker) and checks it went to `to`. */
  async expectMove(report: Report, from: string, to: string): Promise<Report> {
    const moved = await pollUntil(
      async () => {
        const current = await this.get(report.id);
        return current.stage === from ? undefined : current;
      },
      { what: `${report.unitCode}'s report to leave ${from} (expected ${to})` },
    );
    if (moved.stage !== to) throw new Error(`${report.unitCode}'s report went from ${from} to ${moved.stage}, expected ${to}`);
    return moved;
  }

  sessionOf(username: string): Promise<ApiClient> {
    return this.sessions.as(username);
  }

  drafterOf(report: Report): Promise<string> {
    return this.holders(report, 'drafting').then((users) => users[0]);
  }

  /** The drafter fills every outline item with the texts it takes, and the figures. */
  async fill(report: Report, unitIndex: number): Promise<void> {
    const drafter = await this.sessions.as(await this.drafterOf(report));
    const unitName = this.directory.unit(report.unitCode).name;
    for (const section of report.sections) {
      const texts = sectionText(unitName, section.key, section.title);
      await this.writeSection(drafter, report, section.key, Object.fromEntries(section.takes.map((part) => [part, texts[part]])));
    }
    await drafter.put(`/api/reports/${report.id}/indicators`, indicatorsFor(unitIndex));
    log(`${report.unitCode.padEnd(10)} ${drafter.username} filled ${report.sections.length} sections and ${INDICATORS.length} indicators`);
  }

  async writeSection(drafter: ApiClient, report: Report, key: string, parts: Partial<SectionParts>): Promise<void> {
    await drafter.put(`/api/reports/${report.id}/sections/${encodeURIComponent(key)}`, parts);
  }

  /** The drafter submits (202); the worker moves the report on to the first approval stage. */
  async submit(report: Report): Promise<Report> {
    const drafter = await this.sessions.as(await this.drafterOf(report));
    await drafter.post(`/api/reports/${report.id}/submit`, undefined, [202]);
    const next = await this.workflow.after(report.workflowVersion, 'drafting');
    const moved = await this.expectMove(report, 'drafting', next);
    log(`${report.unitCode.padEnd(10)} drafting → ${next} (submitted by ${drafter.username})`);
    return moved;
  }

  /**
   * The stage's members approve one after another until its rule is met (majority: more than half),
   * then the report must move on. Taking exactly the rule's count keeps the demo deterministic.
   */
  async approve(report: Report, stageKey: string): Promise<Report> {
    const stage = await this.workflow.stage(report.workflowVersion, stageKey);
    const members = await this.holders(report, stageKey);
    const needed = approvalsNeeded(stage.rule, members.length);
    for (const username of members.slice(0, needed)) {
      await this.completeTask(username, report, stageKey, { decision: 'approve' });
    }
    const next = await this.workflow.after(report.workflowVersion, stageKey);
    const moved = await this.expectMove(report, stageKey, next);
    const who = members.slice(0, needed).join(', ');
    log(`${report.unitCode.padEnd(10)} ${stageKey} → ${next} (${describeRule(stage.rule)}: ${needed} of ${members.length} approved: ${who})`);
    return moved;
  }

  /** One member returns the report with a reason; it goes back to the stage's `returnTo`. */
  async returnWithReason(report: Report, stageKey: string, username: string, comment: string): Promise<Report> {
    const stage = await this.workflow.stage(report.workflowVersion, stageKey);
    const members = await this.holders(report, stageKey);
    if (!members.includes(username)) throw new Error(`${username} does not act on ${report.unitCode} at ${stageKey}`);
    await this.completeTask(username, report, stageKey, { decision: 'return', comment });
    const back = stage.returnTo ?? 'drafting';
    const moved = await this.expectMove(report, stageKey, back);
    log(`${report.unitCode.padEnd(10)} ${stageKey} → ${back} (returned by ${username}: "${comment}")`);
    return moved;
  }

  /** The user's own open task for this report and stage, from their inbox, completed (202). */
  async completeTask(username: string, report: Report, stageKey: string, body: object): Promise<void> {
    const client = await this.sessions.as(username);
    const task = await pollUntil(
      async () => {
        const tasks = await client.get<Task[]>('/api/tasks');
        return tasks.find((t) => t.reportId === report.id && t.stage === stageKey && t.state === 'open');
      },
      { what: `an open ${stageKey} task for ${report.unitCode} in ${username}'s inbox` },
    );
    await client.post(`/api/tasks/${task.id}/complete`, body, [202]);
  }

  /** Who acts on the report in a stage: holders of the stage's role in the stage's scope unit. */
  async holders(report: Report, stageKey: string): Promise<string[]> {
    const stage = await this.workflow.stage(report.workflowVersion, stageKey);
    const unit = this.directory.scopeUnit(report.unitCode, stage.scope);
    return this.directory.holders(unit, stage.role).map((u) => u.username);
  }
}
