import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { listRoundTasksOfReport, PlanEntity, RoundTaskRow } from '@app/dal';
import { ApprovalRule, findStage, StageKind, summarizeDecision, tallyVotes } from '@app/domain';
import { ReportsService } from '../reports/reports.service';
import { WorkflowsService } from '../workflows/workflows.service';

export interface DecisionMember {
  username: string;
  fullName: string;
  state: 'approved' | 'returned' | 'waiting';
  comment: string | null;
  decidedAt: Date | null;
}

export interface DecisionState {
  reportId: string;
  stage: string;
  stageKind: StageKind | null;
  round: number;
  /** The stage's approval rule; null outside an approval stage (drafting, consolidation, done). */
  rule: ApprovalRule | null;
  needed: number | null;
  approvals: number;
  returns: number;
  summary: string | null;
  ruleText: string | null;
  members: DecisionMember[];
}

/** Where the decision on a report's current stage stands: who decided, who is awaited, what the rule needs. */
@Injectable()
export class DecisionStates {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly workflows: WorkflowsService,
  ) {}

  async ofReport(reportId: string, userId: string): Promise<DecisionState> {
    const report = await this.reports.readable(reportId, userId);
    const plan = await this.db.getRepository(PlanEntity).findOneByOrFail({ id: report.plan_id });
    const stage = findStage(await this.workflows.get(plan.workflowKey, report.workflow_version), report.stage);
    const tasks = await listRoundTasksOfReport(this.db, reportId, report.stage, report.round);
    // One voice each, as the engine counts: a second decision of the same person is not a member's.
    const counted = new Set(tallyVotes(tasks).counted.map((t) => t.id));
    const members = tasks.filter((t) => counted.has(t.id) || t.state === 'open').map(toMember);
    const approval = stage?.kind === 'approval' ? stage.rule : null;
    const decision = approval
      ? summarizeDecision(
          approval,
          members.map((m) => ({ fullName: m.fullName, decision: m.state === 'waiting' ? null : m.state === 'approved' ? 'approve' : 'return' })),
        )
      : null;
    return {
      reportId,
      stage: report.stage,
      stageKind: stage?.kind ?? null,
      round: report.round,
      rule: approval,
      needed: decision?.needed ?? null,
      approvals: members.filter((m) => m.state === 'approved').length,
      returns: members.filter((m) => m.state === 'returned').length,
      summary: decision?.summary ?? null,
      ruleText: decision?.ruleText ?? null,
      members,
    };
  }
}

function toMember(task: RoundTaskRow): DecisionMember {
  const state = task.state === 'open' ? 'waiting' : task.decision === 'return' ? 'returned' : 'approved';
  return { username: task.username, fullName: task.fullName, state, comment: task.comment, decidedAt: task.completedAt };
}
