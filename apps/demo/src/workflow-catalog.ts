import { ApiClient } from './api-client';
import { Rule, StageDef, WorkflowDef } from './api-types';

/** How many members must approve for a stage's rule to be met (majority: strictly more than half). */
export function approvalsNeeded(rule: Rule, members: number): number {
  switch (rule.type) {
    case 'any':
      return 1;
    case 'all':
      return members;
    case 'majority':
      return Math.floor(members / 2) + 1;
    case 'quorum':
      return Math.min(rule.min ?? 1, members);
  }
}

export function describeRule(rule: Rule): string {
  return rule.type === 'quorum' ? `quorum ${rule.min}` : rule.type;
}

/** The stages of the workflow version a report runs on, read once from GET /api/workflows/:key. */
export class WorkflowCatalog {
  private readonly versions = new Map<number, Promise<WorkflowDef>>();

  constructor(
    private readonly admin: ApiClient,
    private readonly key: string,
  ) {}

  async stages(version: number): Promise<StageDef[]> {
    let def = this.versions.get(version);
    if (!def) {
      def = this.admin.get<WorkflowDef>(`/api/workflows/${encodeURIComponent(this.key)}?version=${version}`);
      this.versions.set(version, def);
    }
    return (await def).stages;
  }

  async stage(version: number, key: string): Promise<StageDef> {
    const stage = (await this.stages(version)).find((s) => s.key === key);
    if (!stage) throw new Error(`Workflow ${this.key} v${version} has no stage ${key}`);
    return stage;
  }

  /** The stage a report moves to once `key` is resolved by approval: the next one, or `done`. */
  async after(version: number, key: string): Promise<string> {
    const stages = await this.stages(version);
    const index = stages.findIndex((s) => s.key === key);
    return stages[index + 1]?.key ?? 'done';
  }
}
