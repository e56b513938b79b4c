import { session } from '../../support/api';
import { toConsolidation } from '../../support/drive';
import { createPlan, getPlan, importFixture, launchPlan, reportsByUnit } from '../../support/factories';
import { Fixture } from '../../support/fixture';
import { E2eContext } from '../../support/harness';
import { PlanDto, ReportDto } from '../../support/types';
import { waitFor } from '../../kit/poll';

const DAY = 86_400_000;

export function inDays(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString();
}

/**
 * The fixture imported and its plan launched through the API, with deadlines counted from now:
 * cells draft within three days; the grassroots level is already a day late, so the dashboard has an
 * overdue unit and the bell has notices.
 */
export async function launchedPlan(ctx: E2eContext): Promise<{ fixture: Fixture; plan: PlanDto; reports: Map<string, ReportDto> }> {
  const fixture = await importFixture(ctx);
  const plan = await createPlan(ctx, {
    deadlines: {
      cell: { drafting: inDays(3), cell_approval: inDays(6), committee_review: inDays(9) },
      grassroots: { drafting: inDays(-1), cell_approval: inDays(8), committee_review: inDays(12) },
      upper: { drafting: inDays(10), cell_approval: inDays(14), committee_review: inDays(18) },
      bloc: { consolidation: inDays(25) },
    },
  });
  await launchPlan(ctx, plan.id);
  return { fixture, plan, reports: await reportsByUnit(ctx, plan.id) };
}

/**
 * The fixture's plan with every report brought to consolidation through the API, and the Khối's own
 * report created: where the working group starts writing.
 */
export async function planAtConsolidation(ctx: E2eContext): Promise<PlanDto> {
  const launched = await launchedPlan(ctx);
  await Promise.all([...launched.reports].map(([unit, report]) => toConsolidation(ctx, launched.fixture, unit, report.id)));
  const plan = await getPlan(ctx, launched.plan.id);
  await waitFor(async () => (await (await session(ctx, 'tgv.lan')).get(`/api/plans/${plan.id}/level-report`)).status === 200, {
    timeoutMs: 20_000,
    what: 'the Khối’s report created',
  });
  return plan;
}
