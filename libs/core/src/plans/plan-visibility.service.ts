import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { listHeldUnitsWithAncestors, PlanEntity, readPlanViewer } from '@app/dal';
import { forbidden, HeldUnit, PlanViewScope, planViewScope } from '@app/domain';
import { PlansService } from './plans.service';

/** A plan with what of it the caller may see. */
export interface VisiblePlan {
  plan: PlanEntity;
  scope: PlanViewScope;
}

/**
 * Who sees which plan (planViewScope): administrators and the people of the root or above see all
 * of it, the people of units inside its tree their subtrees, anyone else nothing. A plan the caller
 * may not see is refused with 403, as a report is (AccessService.canSeeUnit); an unknown id is 404.
 */
@Injectable()
export class PlanVisibility {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
  ) {}

  async visiblePlan(planId: string, userId: string): Promise<VisiblePlan> {
    const plan = await this.plans.get(planId);
    const { is_admin: isAdmin, root_ancestor_ids: rootAncestorIds } = await readPlanViewer(this.db, userId, plan.rootUnitId);
    const held: HeldUnit[] = (await listHeldUnitsWithAncestors(this.db, userId)).map((row) => ({ unitId: row.id, ancestorIds: row.ancestor_ids }));
    const scope = planViewScope({ isAdmin, held, rootAncestorIds: rootAncestorIds ?? [plan.rootUnitId] });
    if (!scope) throw forbidden('You hold no role in this plan’s tree of units');
    return { plan, scope };
  }

  /**
   * The plans the caller may see, newest first: planViewScope in SQL, so the page of 500 holds the
   * caller's newest plans however many others exist.
   */
  async visiblePlans(userId: string): Promise<PlanEntity[]> {
    return this.db
      .getRepository(PlanEntity)
      .createQueryBuilder('p')
      .where(
        `EXISTS (SELECT 1 FROM role_assignments a WHERE a.user_id = :userId AND a.role = 'admin')
           OR EXISTS (SELECT 1 FROM role_assignments r
                        JOIN org_units held ON held.id = r.unit_id
                        JOIN org_units root ON root.id = p.root_unit_id
                       WHERE r.user_id = :userId AND (p.root_unit_id = ANY (held.ancestor_ids) OR held.id = ANY (root.ancestor_ids)))`,
        { userId },
      )
      .orderBy('p.created_at', 'DESC')
      .take(500)
      .getMany();
  }
}
