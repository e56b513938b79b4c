import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { consolidate, DONE_STAGE, forbidden, notFound } from '@app/domain';
import { AccessService } from '../org/access.service';
import { PlansService } from '../plans/plans.service';
import { WorkflowsService } from '../workflows/workflows.service';

/**
 * The merge of the reports included so far under a consolidating unit (the root by default):
 * those approved by the committee above, i.e. waiting at or past consolidation.
 */
@Injectable()
export class ConsolidationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly access: AccessService,
    private readonly workflows: WorkflowsService,
  ) {}

  async consolidated(planId: string, userId: string, unitCode?: string) {
    const plan = await this.plans.get(planId);
    const [unit] = unitCode
      ? await this.db.query(`SELECT id, code FROM org_units WHERE code = $1 AND $2 = ANY(ancestor_ids)`, [unitCode, plan.rootUnitId])
      : await this.db.query(`SELECT id, code FROM org_units WHERE id = $1`, [plan.rootUnitId]);
    if (!unit) throw notFound('Unit in this plan', unitCode ?? plan.rootUnitId);
    if (!(await this.canRead(userId, unit.id))) throw forbidden('Only the consolidating unit, its reviewers and admins read its consolidation');
    const rows: { id: string; code: string; stage: string; sections: Record<string, never>; indicators: Record<string, number> }[] = await this.db.query(
      `SELECT r.id, u.code, r.stage, r.sections, r.indicators FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND $2 = ANY(u.ancestor_ids) AND u.id <> $2 ORDER BY u.code`,
      [planId, unit.id],
    );
    const includedStages = await this.includedStages(plan.workflowKey, plan.workflowVersion);
    const included = rows.filter((r) => includedStages.has(r.stage));
    const merged = consolidate(plan.outline, included.map((r) => ({ reportId: r.id, unitCode: r.code, sections: r.sections, indicators: r.indicators })));
    return {
      unitCode: unit.code,
      included: merged.included,
      missing: rows.filter((r) => !includedStages.has(r.stage)).map((r) => r.code),
      sections: merged.sections,
      indicators: merged.indicators,
    };
  }

  /** Consolidation and every stage after it, and done. */
  private async includedStages(key: string, version: number): Promise<Set<string>> {
    const { stages } = await this.workflows.get(key, version);
    const from = stages.findIndex((s) => s.kind === 'consolidation');
    return new Set([...(from < 0 ? [] : stages.slice(from).map((s) => s.key)), DONE_STAGE]);
  }

  private async canRead(userId: string, unitId: string): Promise<boolean> {
    if (await this.access.isAdmin(userId)) return true;
    const rows = await this.db.query(
      `SELECT 1 FROM role_assignments r JOIN org_units u ON u.id = $2
        WHERE r.user_id = $1 AND r.unit_id = ANY(u.ancestor_ids) AND r.role IN ('consolidator', 'reviewer', 'approver') LIMIT 1`,
      [userId, unitId],
    );
    return rows.length > 0;
  }
}
