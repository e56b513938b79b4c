import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanEntity } from '@app/dal';
import { findStage, stageDueAt, UnitKind } from '@app/domain';
import { cutOffOf } from '../consolidation/consolidation-plan';
import { WorkflowsService } from '../workflows/workflows.service';
import { Clock } from '../common/clock';

export interface MovedTask {
  taskId: string;
  oldDueAt: Date | null;
}

/** Recomputes the due dates of a plan's unfinished reports and open tasks after its deadlines change. */
@Injectable()
export class DueDates {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  async recompute(em: EntityManager, plan: PlanEntity): Promise<MovedTask[]> {
    const [root] = await em.query(`SELECT kind FROM org_units WHERE id = $1`, [plan.rootUnitId]);
    const reports: { id: string; kind: UnitKind; stage: string; workflow_version: number; stage_entered_at: Date }[] = await em.query(
      `SELECT r.id, u.kind, r.stage, r.workflow_version, r.stage_entered_at FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND r.stage <> 'done'`,
      [plan.id],
    );
    const dueOf = new Map<string, Date | null>();
    for (const report of reports) {
      const stage = findStage(await this.workflows.get(plan.workflowKey, report.workflow_version, em), report.stage);
      dueOf.set(report.id, stage ? stageDueAt(plan.deadlines, stage, { kind: report.kind, rootKind: root.kind }, new Date(report.stage_entered_at)) : null);
    }
    const ids = [...dueOf.keys()];
    await em.query(`UPDATE reports r SET due_at = d.due_at FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at) WHERE r.id = d.id`, [
      ids,
      ids.map((id) => dueOf.get(id)),
    ]);
    const planStage = (await this.workflows.get(plan.workflowKey, plan.workflowVersion, em)).stages.find((s) => s.kind === 'consolidation');
    const consolidationDue = planStage ? stageDueAt(plan.deadlines, planStage, { kind: root.kind, rootKind: root.kind }, this.clock.now()) : null;
    // Open tasks follow their report's due date; the plan-level consolidation task follows the root's.
    const moved: { id: string; old_due_at: Date | null }[] = await em
      .query(
        `WITH target AS (
         SELECT t.id, t.due_at AS old_due_at, CASE WHEN t.report_id IS NULL THEN $2::timestamptz ELSE r.due_at END AS due_at
           FROM tasks t LEFT JOIN reports r ON r.id = t.report_id
          WHERE t.plan_id = $1 AND t.state = 'open' FOR NO KEY UPDATE OF t)
       UPDATE tasks t SET due_at = target.due_at, updated_at = now(), version = t.version + 1
         FROM target WHERE t.id = target.id AND t.due_at IS DISTINCT FROM target.due_at
       RETURNING t.id, target.old_due_at`,
        [plan.id, consolidationDue],
      )
      .then((result) => result[0]);
    // Collections still open take the new cut-off: the consolidation deadline of their kind, else the
    // root's. Read here as the launch reads it and passed as instants, never cast from the stored
    // text in SQL, where a date PostgreSQL refuses would fail the whole update.
    if (planStage) {
      const open: { id: string; kind: UnitKind }[] = await em.query(
        `SELECT c.id, u.kind FROM consolidations c JOIN org_units u ON u.id = c.unit_id WHERE c.plan_id = $1 AND c.status = 'collecting'`,
        [plan.id],
      );
      await em.query(
        `UPDATE consolidations c SET cut_off_at = d.cut_off_at FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, cut_off_at) WHERE c.id = d.id`,
        [open.map((c) => c.id), open.map((c) => cutOffOf(plan, c.kind, root.kind, planStage.key))],
      );
    }
    return moved.map((m) => ({ taskId: m.id, oldDueAt: m.old_due_at ? new Date(m.old_due_at) : null }));
  }
}
