import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { indicatorsOfReports, PlanEntity, sectionOfReports, sectionsOfReports } from '@app/dal';
import { consolidateFigures, enteredTotals, notFound, partsOf, planIndicators, SectionContent, SectionMap, withDerived } from '@app/domain';
import { readyStagesOf } from '../consolidation/consolidation-plan';
import { ConsolidationService } from '../consolidation/consolidation.service';
import { AccessService } from '../org/access.service';
import { PlansService } from '../plans/plans.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { LevelGroup, LevelMember, levelGroupOf, LevelUnit, planUnit } from './level-group';

export interface SourcesQuery {
  /** The consolidating unit whose sources these are (its code); the root by default. */
  level?: string;
  /** Only this unit of the group and the units below it (its code). */
  unit?: string;
  /** Only this outline item. */
  section?: string;
  from?: number;
  limit?: number;
}

export const SOURCES_PAGE_DEFAULT = 20;

const unitOf = (m: LevelMember) => ({ unitId: m.unitId, unitCode: m.code, unitName: m.name, citedAs: m.citedAs, kind: m.kind, reportId: m.reportId });

/**
 * What a consolidating level writes from, beside its editor: the approved texts of the units it
 * gathers, per outline item, a page of units at a time (only the page's texts are read, so a Bloc
 * of thousands of units answers as fast as a small one); their figures added up, with one figure's
 * breakdown by unit; and the completeness of the collection. For whoever holds a role on the level
 * or above it (the working group, the committee, the drafters of an intermediate level) and admins.
 */
@Injectable()
export class LevelSourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly access: AccessService,
    private readonly workflows: WorkflowsService,
    private readonly consolidation: ConsolidationService,
  ) {}

  async sources(planId: string, userId: string, query: SourcesQuery) {
    const { plan, group } = await this.readableGroup(planId, userId, query.level);
    const items = query.section ? plan.outline.filter((s) => s.key === query.section) : plan.outline;
    if (items.length === 0) throw notFound('Outline item', query.section!);
    const shown = query.unit ? withUnitsBelow(group, query.unit) : group.included;
    const from = query.from ?? 0;
    const limit = query.limit ?? SOURCES_PAGE_DEFAULT;
    const page = shown.slice(from, from + limit);
    const texts = await this.textsOf(page, query.section);
    return {
      level: levelView(group.level),
      total: shown.length,
      from,
      limit,
      next: from + limit < shown.length ? from + limit : null,
      units: page.map(unitOf),
      sections: items.map((item) => ({
        key: item.key,
        title: item.title,
        ...(item.part ? { part: item.part } : {}),
        takes: partsOf(item),
        sources: page.flatMap((m) => {
          const written = Object.fromEntries(
            partsOf(item).flatMap((part) => {
              const text = texts.get(m.reportId)?.[item.key]?.[part]?.trim();
              return text ? [[part, text]] : [];
            }),
          ) as SectionContent;
          return Object.keys(written).length ? [{ ...unitOf(m), parts: written }] : [];
        }),
      })),
    };
  }

  /**
   * The group's figures as the level's report starts from them (consolidateFigures: blanks blank,
   * percentages averaged or recomputed), how many units reported each, and, for `indicator`, each
   * reporting unit's value in the tree's order.
   */
  async figures(planId: string, userId: string, query: { level?: string; indicator?: string }) {
    const { plan, group } = await this.readableGroup(planId, userId, query.level);
    const { definitions, groups } = planIndicators(plan.term, plan.indicatorNames);
    const chosen = query.indicator === undefined ? undefined : definitions.find((d) => d.key === query.indicator);
    if (query.indicator !== undefined && !chosen) throw notFound('Figure', query.indicator);
    const rows = group.included.length
      ? await indicatorsOfReports(
          this.db,
          group.included.map((m) => m.reportId),
        )
      : [];
    const byReport = new Map(rows.map((r) => [r.id, r.indicators ?? {}]));
    const units = group.included.map((m) => ({ unitCode: m.code, unitName: m.citedAs, indicators: byReport.get(m.reportId) ?? {} }));
    const reported = Object.fromEntries(
      definitions.map((d) => [
        d.key,
        units.filter((u) =>
          d.derivedFrom
            ? u.indicators[d.derivedFrom.numerator] !== undefined && u.indicators[d.derivedFrom.denominator] !== undefined
            : u.indicators[d.key] !== undefined,
        ).length,
      ]),
    );
    return {
      level: levelView(group.level),
      units: units.length,
      definitions,
      groups,
      totals: withDerived(definitions, enteredTotals(definitions, units)),
      reported,
      ...(chosen ? { breakdown: { indicator: chosen.key, units: consolidateFigures([chosen], units).breakdown[chosen.key] } } : {}),
    };
  }

  /** Who is taken in, who is missing, who was late or returned: the consolidation's completeness table. */
  async completeness(planId: string, userId: string, levelCode?: string) {
    const { plan, level } = await this.readableLevel(planId, userId, levelCode);
    const built = await this.consolidation.build(plan, level, 'none');
    return { level: levelView(level), included: built.included.length, missing: built.missing, completeness: built.completeness };
  }

  private async readableLevel(planId: string, userId: string, levelCode?: string): Promise<{ plan: PlanEntity; level: LevelUnit }> {
    const plan = await this.plans.get(planId);
    const level = await planUnit(this.db.manager, plan, levelCode);
    if (!level) throw notFound('Unit in this plan', levelCode!);
    await this.access.assertCanSeeUnit(userId, level.id);
    return { plan, level };
  }

  private async readableGroup(planId: string, userId: string, levelCode?: string): Promise<{ plan: PlanEntity; group: LevelGroup }> {
    const { plan, level } = await this.readableLevel(planId, userId, levelCode);
    const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion);
    return { plan, group: await levelGroupOf(this.db.manager, plan, level, readyStagesOf(workflow)) };
  }

  /** The page's texts: of one item only when asked for one (a report's other items are never read). */
  private async textsOf(page: LevelMember[], section?: string): Promise<Map<string, SectionMap>> {
    if (page.length === 0) return new Map();
    const reportIds = page.map((m) => m.reportId);
    const rows = section ? await sectionOfReports(this.db, reportIds, section) : await sectionsOfReports(this.db, reportIds);
    return new Map(rows.map((r) => [r.id, r.sections ?? {}]));
  }
}

const levelView = (level: LevelUnit) => ({ unitId: level.id, unitCode: level.code, unitName: level.name, kind: level.kind });

/** The included units at or below one unit of the group (a đảng bộ with its chi bộ), in the group's order. */
function withUnitsBelow(group: LevelGroup, code: string): LevelMember[] {
  const unit = group.members.find((m) => m.code === code);
  if (!unit) throw notFound(`Unit among those ${group.level.code} consolidates:`, code);
  const chosen = new Set([unit.unitId]);
  // Members come parents first (contributorOrder), so one pass finds every descendant.
  for (const m of group.members) if (m.parentId !== null && chosen.has(m.parentId)) chosen.add(m.unitId);
  return group.included.filter((m) => chosen.has(m.unitId));
}
