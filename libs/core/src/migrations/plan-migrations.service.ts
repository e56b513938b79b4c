import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  appendAuditEvents,
  appendOutbox,
  insertWorkflowMigration,
  inTransaction,
  listOpenRoundTasksOfReport,
  listReportRoundVotes,
  listReportsForMigration,
  listRoleHolderUsernames,
  listRunningMigrationIds,
  MigratingReportRow,
  OpenRoundTaskRow,
  PlanEntity,
  WorkflowMigrationEntity,
} from '@app/dal';
import {
  conflict,
  DONE_STAGE,
  findStage,
  tallyVotes,
  notFound,
  planReportMigration,
  redecideStage,
  refused,
  ReportMigrationPlan,
  scopeUnitId,
  stageMapProblems,
  WorkflowDefinition,
} from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { WorkflowsService } from '../workflows/workflows.service';

export interface MigrationRequest {
  toVersion: number;
  stageMap: Record<string, string>;
  dryRun: boolean;
}

interface NewTaskRow {
  assignee: string;
  role: string;
  stage: string;
}

/** Moving a running plan's reports to another workflow version: the preview, the start, the progress. */
@Injectable()
export class PlanMigrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly outbox: OutboxRelay,
  ) {}

  async request(planId: string, request: MigrationRequest, actor: Actor) {
    const plan = await this.db.getRepository(PlanEntity).findOneBy({ id: planId });
    if (!plan) throw notFound('Plan', planId);
    if (plan.status !== 'launched') throw conflict(`Plan is ${plan.status}; only a launched plan's reports can be migrated`);
    const to = await this.workflows.get(plan.workflowKey, request.toVersion).catch(() => {
      throw refused(`Workflow ${plan.workflowKey} has no version ${request.toVersion}`);
    });
    const reports = await listReportsForMigration(this.db, planId);
    const fromVersions = await Promise.all([...new Set(reports.map((r) => r.workflow_version))].map((v) => this.workflows.get(plan.workflowKey, v)));
    const problems = stageMapProblems(fromVersions, to, request.stageMap);
    if (problems.length) throw refused('The stage map does not fit the workflow versions', { problems });
    if (request.dryRun) return this.preview(plan, reports, fromVersions, to, request.stageMap);
    return this.start(plan, reports, to, request.stageMap, actor);
  }

  async get(id: string) {
    const migration = await this.db.getRepository(WorkflowMigrationEntity).findOneBy({ id });
    if (!migration) throw notFound('Migration', id);
    return migration;
  }

  async listForPlan(planId: string) {
    if (!(await this.db.getRepository(PlanEntity).existsBy({ id: planId }))) throw notFound('Plan', planId);
    return this.db.getRepository(WorkflowMigrationEntity).find({ where: { planId }, order: { createdAt: 'DESC' } });
  }

  /** What the migration would do to each report, changing nothing. */
  private async preview(
    plan: PlanEntity,
    reports: MigratingReportRow[],
    fromVersions: WorkflowDefinition[],
    to: WorkflowDefinition,
    stageMap: Record<string, string>,
  ) {
    const byVersion = new Map(fromVersions.map((w) => [w.version, w]));
    const items = [];
    for (const report of reports.filter((r) => r.workflow_version !== to.version)) {
      const step = planReportMigration(byVersion.get(report.workflow_version)!, to, stageMap, report.stage);
      items.push({
        reportId: report.id,
        unitCode: report.unit_code,
        fromVersion: report.workflow_version,
        ...(await this.previewStep(plan, report, to, step)),
      });
    }
    return {
      dryRun: true,
      planId: plan.id,
      toVersion: to.version,
      stageMap,
      reports: items.filter((i) => i.action !== 'unmappable'),
      unmappable: items
        .filter((i) => i.action === 'unmappable')
        .map((i) => ({ reportId: i.reportId, unitCode: i.unitCode, stage: i.fromStage, reason: i.reason })),
    };
  }

  /**
   * One report's row: a move cancels its open tasks and creates the new stage's; a stage whose rule
   * changed is decided again on the votes of its round, as the real run does right after, so the
   * row shows where that leaves the report (`outcome`), with the tasks it cancels and creates.
   */
  private async previewStep(plan: PlanEntity, report: MigratingReportRow, to: WorkflowDefinition, step: ReportMigrationPlan) {
    const nothing = { cancelTasks: [] as OpenRoundTaskRow[], createTasks: [] as NewTaskRow[] };
    if (step.action === 'move') {
      return {
        ...step,
        cancelTasks: await this.openTasks(report),
        createTasks: step.toStage && step.toStage !== DONE_STAGE ? await this.wouldCreate(plan, report, to, step.toStage) : [],
      };
    }
    if (step.action !== 'redecide') return { ...step, ...nothing };
    const redecision = redecideStage(to, report.stage, await this.tally(report));
    if (redecision.toStage === report.stage) return { ...step, outcome: redecision.outcome, ...nothing };
    return {
      ...step,
      toStage: redecision.toStage,
      outcome: redecision.outcome,
      cancelTasks: await this.openTasks(report),
      createTasks: redecision.toStage !== DONE_STAGE ? await this.wouldCreate(plan, report, to, redecision.toStage) : [],
    };
  }

  /** The votes of the report's current round at its stage, counted as the stage decider counts them. */
  private async tally(report: MigratingReportRow) {
    const votes = await listReportRoundVotes(this.db, report.id, report.stage, report.round);
    return tallyVotes(votes);
  }

  private async start(plan: PlanEntity, reports: MigratingReportRow[], to: WorkflowDefinition, stageMap: Record<string, string>, actor: Actor) {
    const total = reports.filter((r) => r.workflow_version !== to.version && r.stage !== DONE_STAGE).length;
    const migration = await inTransaction(this.db, async (em) => {
      const running = await listRunningMigrationIds(em, plan.id);
      if (running.length) throw conflict(`Migration ${running[0].id} of this plan is still running`);
      const migrationId = await insertWorkflowMigration(em, {
        planId: plan.id,
        workflowKey: plan.workflowKey,
        toVersion: to.version,
        stageMap,
        total,
        createdBy: actor.id,
      });
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'plan.migration_started',
          planId: plan.id,
          data: { migrationId, toVersion: to.version, stageMap, total },
        },
      ]);
      return { id: migrationId, outbox: await appendOutbox(em, [{ name: JobName.RunMigration, data: { migrationId } }]) };
    });
    await this.outbox.relaySoon(migration.outbox);
    return this.get(migration.id);
  }

  private async openTasks(report: MigratingReportRow): Promise<OpenRoundTaskRow[]> {
    return listOpenRoundTasksOfReport(this.db, report.id, report.round);
  }

  private async wouldCreate(plan: PlanEntity, report: MigratingReportRow, to: WorkflowDefinition, stageKey: string): Promise<NewTaskRow[]> {
    const stage = findStage(to, stageKey)!;
    if (stage.kind === 'consolidation') return [];
    const scope = scopeUnitId(stage.scope, { unitId: report.unit_id, parentId: report.parent_id, rootId: plan.rootUnitId });
    const holders = await listRoleHolderUsernames(this.db, scope, stage.role);
    return holders.map((h) => ({ assignee: h.username, role: stage.role, stage: stage.key }));
  }
}
