import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, cancelOpenTasks, inTransaction, PlanEntity, usernameOf, WorkflowMigrationEntity } from '@app/dal';
import { planReportMigration, WorkflowDefinition } from '@app/domain';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { LockedReport, StageDecider } from '../tasks/stage-decider.service';

export interface MigrationRunResult {
  outcome: string;
  createdTaskIds: string[];
  redecide: { reportId: string; round: number }[];
}

const BATCH = 100;

/**
 * Runs a migration in the worker: each report in its own transaction, audited; a report already on
 * the target version is skipped, so a run killed half-way and run again ends in the same place.
 */
@Injectable()
export class MigrationRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly decider: StageDecider,
  ) {}

  async run(migrationId: string): Promise<MigrationRunResult> {
    const result: MigrationRunResult = { outcome: 'skipped', createdTaskIds: [], redecide: [] };
    const migration = await this.db.getRepository(WorkflowMigrationEntity).findOneBy({ id: migrationId });
    if (!migration || migration.status !== 'running') return result;
    const to = await this.workflows.get(migration.workflowKey, migration.toVersion);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids: { id: string }[] = await this.db.query(
        `SELECT id FROM reports WHERE plan_id = $1 AND stage <> 'done' AND workflow_version <> $2 AND id > $3 ORDER BY id LIMIT $4`,
        [migration.planId, to.version, after, BATCH],
      );
      if (ids.length === 0) break;
      for (const { id } of ids) await inTransaction(this.db, (em) => this.migrateReport(em, migration, to, id, result));
      after = ids[ids.length - 1].id;
    }
    await this.finish(migration, to);
    return { ...result, outcome: 'completed' };
  }

  private async migrateReport(em: EntityManager, migration: WorkflowMigrationEntity, to: WorkflowDefinition, reportId: string, result: MigrationRunResult) {
    const report = await this.decider.lockReport(em, reportId);
    if (!report || report.workflow_version === to.version || report.stage === 'done') return;
    const from = await this.workflows.get(migration.workflowKey, report.workflow_version, em);
    const step = planReportMigration(from, to, migration.stageMap, report.stage);
    if (step.action === 'unmappable') {
      await em.query(
        `UPDATE workflow_migrations SET unmappable = unmappable || $2::jsonb
          WHERE id = $1 AND NOT unmappable @> jsonb_build_array(jsonb_build_object('reportId', $3::text))`,
        [migration.id, JSON.stringify([{ reportId, unitCode: await this.unitCode(em, report), stage: report.stage, reason: step.reason }]), reportId],
      );
      return;
    }
    if (step.action === 'move') {
      await cancelOpenTasks(em, { planId: report.plan_id, reportId, stage: report.stage, round: report.round });
      await this.moveTo(em, report, to, step.toStage!, result);
    } else {
      await em.query(
        `UPDATE reports SET workflow_version = $2, version = version + 1, updated_at = now(), needs_decision = needs_decision OR $3 WHERE id = $1`,
        [reportId, to.version, step.action === 'redecide'],
      );
      if (step.action === 'redecide') result.redecide.push({ reportId, round: report.round });
    }
    const column = step.action === 'unchanged' ? 'untouched' : 'migrated';
    await em.query(`UPDATE workflow_migrations SET ${column} = ${column} + 1 WHERE id = $1`, [migration.id]);
    await appendAuditEvents(em, [{
      actorId: migration.createdBy, actor: await usernameOf(em, migration.createdBy), action: 'migrate', planId: report.plan_id, reportId,
      fromStage: report.stage, toStage: step.toStage, comment: `Chuyển sang phiên bản quy trình ${to.version}`,
      data: { migrationId: migration.id, fromVersion: report.workflow_version, toVersion: to.version, action: step.action },
    }]);
  }

  private async moveTo(em: EntityManager, report: LockedReport, to: WorkflowDefinition, toStage: string, result: MigrationRunResult) {
    const [rows] = await em.query(
      `UPDATE reports SET stage = $2, workflow_version = $3, round = round + 1, version = version + 1, unassigned = false,
              needs_decision = false, stage_entered_at = now(), updated_at = now()
        WHERE id = $1 RETURNING round`,
      [report.id, toStage, to.version],
    );
    const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: report.plan_id });
    result.createdTaskIds.push(
      ...(await this.stageEntry.enter(em, plan, to, toStage, [{ id: report.id, unitId: report.unit_id, parentId: report.parent_id, unitKind: report.kind, round: rows[0].round }])),
    );
  }

  private async finish(migration: WorkflowMigrationEntity, to: WorkflowDefinition) {
    await inTransaction(this.db, async (em) => {
      const [, updated] = await em.query(`UPDATE workflow_migrations SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`, [migration.id]);
      if (!updated) return;
      await em.query(`UPDATE plans SET workflow_version = $2, version = version + 1, updated_at = now() WHERE id = $1`, [migration.planId, to.version]);
      await appendAuditEvents(em, [{
        actorId: migration.createdBy, actor: await usernameOf(em, migration.createdBy), action: 'plan.migrated', planId: migration.planId,
        data: { migrationId: migration.id, toVersion: to.version },
      }]);
    });
  }

  private async unitCode(em: EntityManager, report: LockedReport): Promise<string> {
    const [unit] = await em.query(`SELECT code FROM org_units WHERE id = $1`, [report.unit_id]);
    return unit.code;
  }
}
