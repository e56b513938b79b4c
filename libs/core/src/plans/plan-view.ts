import type { PlanEntity } from '@app/dal';
import { IndicatorDefinition, IndicatorGroup, planIndicators } from '@app/domain';

export type PlanView = PlanEntity & { indicatorDefinitions: IndicatorDefinition[]; indicatorGroups: IndicatorGroup[] };

/**
 * A plan as `GET /api/plans/:id` answers it: the stored plan, and its figures as the appendix has
 * them (kind, unit, label, table) so a client can draw typed fields without its own catalogue.
 */
export function planView(plan: PlanEntity): PlanView {
  const { definitions, groups } = planIndicators(plan.term, plan.indicatorNames);
  return Object.assign(plan, { indicatorDefinitions: definitions, indicatorGroups: groups });
}
