import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  cancelOpenTasks,
  completeRunningMigration,
  countMigrationReport,
  inTransaction,
  moveMigratedReport,
  nextReportIdsToMigrate,
  PlanEntity,
  readMigrationFailures,
  recordUnmappableReport,
  reportsEnteredStageSince,
  reportUnitCode,
  setMigratedReportVersion,
  setPlanWorkflowVersion,
  usernameOf,
  WorkflowMigrationEntity,
} from '@app/dal';
import { findStage, planReportMigration, WorkflowDefinition } from '@app/domain';
import { ConsolidationFlows } from '../consolidation/consolidation-flows.service';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { LockedReport, StageDecider } from '../tasks/stage-decider.service';
import { ConsolidationRoundCarry } from './consolidation-round-carry';
import { MigratedTaskTiming, RetimedTask } from './migrated-task-timing';
import { clearReportFailure, errorText, isTransient, markMigrationFailed, recordReportFailure } from './migration-failures';
import { Clock } from '../common/clock';

export interface MigrationRunResult {
  outcome: string;
  createdTaskIds: string[];
  redecide: { reportId: string; round: number }[];
}

/** What one report's transaction leaves to do once it has committed. */
interface AfterReport {
  retimed: RetimedTask[];
  createdTaskIds: string[];
}

const BATCH = 100;

/**
 * Runs a migration in the worker: each report in its own transaction, audited; a report already on
 * the target version is skipped, so a run killed half-way and run again ends in the same place. A
 * report that cannot be migrated is recorded with its error and the run goes on with the others; a
 * run with such reports, or whose job fails for the last time, ends as failed with the reason.
 */
@Injectable()
export class MigrationRunner {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly decider: StageDecider,
    private readonly timing: MigratedTaskTiming,
    private readonly round: ConsolidationRoundCarry,
    private readonly flows: ConsolidationFlows,
    private readonly clock: Clock,
  ) {}

  /** `finalAttempt`: the job will not be retried, so a failure now ends the migration as failed. */
  async run(migrationId: string, finalAttempt = false): Promise<MigrationRunResult> {
    try {
      return await this.runOnce(migrationId);
    } catch (error) {
      if (finalAttempt) {
        const migration = await this.db.getRepository(WorkflowMigrationEntity).findOneBy({ id: migrationId });
        if (migration) await markMigrationFailed(this.db, migration, errorText(error));
      }
      throw error;
    }
  }

  private async runOnce(migrationId: string): Promise<MigrationRunResult> {
    const result: MigrationRunResult = { outcome: 'skipped', createdTaskIds: [], redecide: [] };
    const migration = await this.db.getRepository(WorkflowMigrationEntity).findOneBy({ id: migrationId });
    if (!migration || migration.status !== 'running') return result;
    const to = await this.workflows.get(migration.workflowKey, migration.toVersion);
    await this.carryConsolidationRound(migration, to, result);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await nextReportIdsToMigrate(this.db, migration.planId, to.version, after, BATCH);
      if (ids.length === 0) break;
      for (const { id } of ids) await this.migrateOne(migration, to, id, result);
      after = ids[ids.length - 1].id;
    }
    await this.releaseToConsolidation(migration, to);
    const failures = await readMigrationFailures(this.db, migration.id);
    if (failures.length > 0) {
      await markMigrationFailed(this.db, migration, `${failures.length} report(s) could not be migrated; see failures`);
      return { ...result, outcome: 'failed' };
    }
    await this.finish(migration, to);
    return { ...result, outcome: 'completed' };
  }

  /** One report, in its own transaction; its failure is recorded unless it says nothing about the report. */
  private async migrateOne(migration: WorkflowMigrationEntity, to: WorkflowDefinition, reportId: string, result: MigrationRunResult): Promise<void> {
    let done: AfterReport;
    try {
      done = await inTransaction(this.db, (em) => this.migrateReport(em, migration, to, reportId, result));
    } catch (error) {
      if (isTransient(error)) throw error;
      this.logger.warn(`Migration ${migration.id}: report ${reportId} failed: ${errorText(error)}`);
      await recordReportFailure(this.db, migration, reportId, error, this.clock.now());
      return;
    }
    result.createdTaskIds.push(...done.createdTaskIds);
    await this.timing.rescheduleAfterCommit(done.retimed);
  }

  private async migrateReport(
    em: EntityManager,
    migration: WorkflowMigrationEntity,
    to: WorkflowDefinition,
    reportId: string,
    result: MigrationRunResult,
  ): Promise<AfterReport> {
    const done: AfterReport = { retimed: [], createdTaskIds: [] };
    const report = await this.decider.lockReport(em, reportId);
    if (!report || report.workflow_version === to.version || report.stage === 'done') return done;
    const from = await this.workflows.get(migration.workflowKey, report.workflow_version, em);
    const step = planReportMigration(from, to, migration.stageMap, report.stage);
    if (step.action === 'unmappable') {
      await recordUnmappableReport(em, migration.id, {
        reportId,
        unitCode: await reportUnitCode(em, report.unit_id),
        stage: report.stage,
        reason: step.reason,
      });
      await clearReportFailure(em, migration.id, reportId);
      return done;
    }
    const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: report.plan_id });
    if (step.action === 'move') {
      await cancelOpenTasks(em, { planId: report.plan_id, reportId, stage: report.stage, round: report.round });
      done.createdTaskIds = await this.moveTo(em, plan, report, to, step.toStage!);
    } else {
      await setMigratedReportVersion(em, reportId, to.version, step.action === 'redecide');
      if (step.action === 'redecide') result.redecide.push({ reportId, round: report.round });
      // Same stage, same tasks: only their due date and reminders follow the new version's stage.
      done.retimed = await this.timing.retimeReport(em, plan, report, findStage(from, report.stage), findStage(to, report.stage)!);
    }
    const column = step.action === 'unchanged' ? 'untouched' : 'migrated';
    await countMigrationReport(em, migration.id, column);
    await clearReportFailure(em, migration.id, reportId);
    await appendAuditEvents(em, [
      {
        actorId: migration.createdBy,
        actor: await usernameOf(em, migration.createdBy),
        action: 'migrate',
        planId: report.plan_id,
        reportId,
        fromStage: report.stage,
        toStage: step.toStage,
        comment: `Chuyển sang phiên bản quy trình ${to.version}`,
        data: {
          migrationId: migration.id,
          fromVersion: report.workflow_version,
          toVersion: to.version,
          action: step.action,
          tasksRetimed: done.retimed.length,
        },
      },
    ]);
    return done;
  }

  private async moveTo(em: EntityManager, plan: PlanEntity, report: LockedReport, to: WorkflowDefinition, toStage: string): Promise<string[]> {
    const round = await moveMigratedReport(em, report.id, toStage, to.version);
    return this.stageEntry.enter(em, plan, to, toStage, [{ id: report.id, unitId: report.unit_id, parentId: report.parent_id, unitKind: report.kind, round }]);
  }

  /** Before any report moves, so a report reaching the renamed consolidation stage joins the open round. */
  private async carryConsolidationRound(migration: WorkflowMigrationEntity, to: WorkflowDefinition, result: MigrationRunResult): Promise<void> {
    const carried = await inTransaction(this.db, async (em) => {
      const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: migration.planId });
      return this.round.carry(em, migration, await this.workflows.get(migration.workflowKey, plan.workflowVersion, em), to);
    });
    result.createdTaskIds.push(...carried.createdTaskIds);
    await this.timing.rescheduleAfterCommit(carried.retimed);
  }

  /**
   * Reports this migration put into the consolidation stage count for their collection now, as an
   * approval by the committee above does, not only at the cut-off. Found from PostgreSQL (entered
   * since the migration started), so a run repeated after a crash releases them too; releasing one
   * twice is harmless.
   */
  private async releaseToConsolidation(migration: WorkflowMigrationEntity, to: WorkflowDefinition): Promise<void> {
    const stage = to.stages.find((s) => s.kind === 'consolidation');
    if (!stage) return;
    const entered = await reportsEnteredStageSince(this.db, { planId: migration.planId, version: to.version, stage: stage.key, since: migration.createdAt });
    await this.flows.promote(entered.map((r) => ({ planId: migration.planId, reportId: r.id })));
  }

  private async finish(migration: WorkflowMigrationEntity, to: WorkflowDefinition) {
    await inTransaction(this.db, async (em) => {
      const updated = await completeRunningMigration(em, migration.id);
      if (!updated) return;
      await setPlanWorkflowVersion(em, migration.planId, to.version);
      await appendAuditEvents(em, [
        {
          actorId: migration.createdBy,
          actor: await usernameOf(em, migration.createdBy),
          action: 'plan.migrated',
          planId: migration.planId,
          data: { migrationId: migration.id, toVersion: to.version },
        },
      ]);
    });
  }
}
