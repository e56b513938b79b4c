import { EntityManager } from 'typeorm';
import { indicatorsOfReports, PlanEntity, sectionsOfReports } from '@app/dal';
import { enteredTotals, Indicators, planIndicators, prefillSections, SectionMap } from '@app/domain';
import { LevelGroup, LevelMember } from './level-group';

/**
 * How many units' texts a level's report may start from. The pre-fill is a starting point people
 * rewrite, and the report is read and saved whole (a hundred units' texts under each heading is
 * already megabytes): beyond this many reports taken in, it starts from the units directly below
 * only (a đảng bộ trực thuộc already synthesised its chi bộ), and when even those are more, from no
 * text at all. Every unit's text stays in the sources beside the editor; every unit's figures are
 * summed either way.
 */
export const PREFILL_FULL_TEXT_MAX_UNITS = 100;

/** Whose texts pre-fill the level's report (see PREFILL_FULL_TEXT_MAX_UNITS). */
export function prefillContributors(group: LevelGroup): LevelMember[] {
  if (group.included.length <= PREFILL_FULL_TEXT_MAX_UNITS) return group.included;
  const direct = group.included.filter((m) => m.parentId === group.level.id);
  return direct.length <= PREFILL_FULL_TEXT_MAX_UNITS ? direct : [];
}

export interface SynthesisStart {
  sections: SectionMap;
  indicators: Indicators;
  /** The group's sums of the figures, as the figures were given them. */
  sums: Indicators;
  /** How many units' texts the sections were pre-filled from. */
  textsFrom: number;
}

/**
 * What a consolidating level's report starts from (see prefillSections): the
 * texts of the units taken in, attributed by name in the tree's order, over what `existing` holds;
 * the figures summed over every unit taken in (enteredTotals), under those already entered.
 */
export async function synthesisStart(
  em: EntityManager,
  plan: PlanEntity,
  group: LevelGroup,
  existing: { sections: SectionMap; indicators: Indicators },
): Promise<SynthesisStart> {
  const contributors = prefillContributors(group);
  const texts = contributors.length
    ? await sectionsOfReports(
        em,
        contributors.map((m) => m.reportId),
      )
    : [];
  const sectionsOf = new Map(texts.map((t) => [t.id, t.sections]));
  const sections = prefillSections(
    plan.outline,
    contributors.map((m) => ({ name: m.citedAs, sections: sectionsOf.get(m.reportId) ?? {} })),
    existing.sections,
  );
  const sums = await groupSums(em, plan, group);
  // A figure already entered (an intermediate drafter's own) stays; the others start as the sums.
  return { sections, indicators: { ...sums, ...existing.indicators }, sums, textsFrom: contributors.length };
}

/** The group's totals of the figures one enters, over every report taken in (see enteredTotals). */
export async function groupSums(em: EntityManager, plan: PlanEntity, group: LevelGroup): Promise<Indicators> {
  const figures = group.included.length
    ? await indicatorsOfReports(
        em,
        group.included.map((m) => m.reportId),
      )
    : [];
  const byReport = new Map(figures.map((f) => [f.id, f.indicators ?? {}]));
  const { definitions } = planIndicators(plan.term, plan.indicatorNames);
  return enteredTotals(
    definitions,
    group.included.map((m) => ({ unitCode: m.code, unitName: m.citedAs, indicators: byReport.get(m.reportId) ?? {} })),
  );
}
