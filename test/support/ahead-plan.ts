import { hanoiIn } from './consolidation';
import { createPlan } from './factories';
import { FixturePlan } from './fixture';
import { E2eContext } from './harness';
import { PlanDto } from './types';

const DAY = 86_400_000;

/**
 * The fixture's plan with every deadline ahead and in the order the work happens (drafting, then
 * each approval, the same day for every level, the Bloc's consolidation a week later): a plan whose
 * dates play no part in what a test looks at.
 */
export function aheadPlan(ctx: E2eContext, overrides: Partial<FixturePlan> & Record<string, unknown> = {}): Promise<PlanDto> {
  const stages = { drafting: hanoiIn(3 * DAY), cell_approval: hanoiIn(4 * DAY), committee_review: hanoiIn(5 * DAY) };
  return createPlan(ctx, {
    deadlines: { cell: stages, grassroots: stages, upper: stages, bloc: { consolidation: hanoiIn(12 * DAY) } },
    reminders: { before: ['P1D'] },
    ...overrides,
  } as Partial<FixturePlan>);
}
