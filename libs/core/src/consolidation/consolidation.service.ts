import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ConsolidatingUnit,
  consolidatingUnitByCode,
  consolidatingUnitById,
  ConsolidationMemberRow,
  consolidationMembersOf,
  missingCodesBelow,
  PlanEntity,
  readsConsolidationOf,
  sectionsOfReports,
  unitSectionsOfReports,
} from '@app/dal';
import {
  byUnitCode,
  completenessTable,
  consolidate,
  ConsolidatedSection,
  consolidateSection,
  consolidationGroups,
  DONE_STAGE,
  forbidden,
  IndicatorDefinition,
  notFound,
  OutlineSection,
  planIndicators,
  refused,
  SectionMap,
  UnitFigures,
  UnitKind,
} from '@app/domain';
import { AccessService } from '../org/access.service';
import { PlansService } from '../plans/plans.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { inclusionOf as consolidationInclusion } from './consolidation-plan';

/** Whose texts a consolidation carries: every included unit's, none (figures and lists only), or the units directly below. */
export type TextSelection = 'all' | 'none' | 'direct';

/**
 * The consolidation of a consolidating unit (the root by default): the reports of its group that
 * the committee above has approved (waiting at or past consolidation), merged per section and part
 * with each unit's text attributed to it, their figures summed, and the completeness table.
 */
@Injectable()
export class ConsolidationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly access: AccessService,
    private readonly workflows: WorkflowsService,
  ) {}

  async consolidated(planId: string, userId: string, unitCode?: string, texts: TextSelection = 'all') {
    const { plan, unit } = await this.readable(planId, userId, unitCode);
    return this.build(plan, unit, texts);
  }

  /**
   * The same consolidation, with its sections read from PostgreSQL one at a time as the caller asks
   * for them: for ten thousand reports the texts run to hundreds of megabytes, which an answer can
   * send section by section without ever holding them all.
   */
  async consolidatedBySection(planId: string, userId: string, unitCode?: string) {
    const { plan, unit } = await this.readable(planId, userId, unitCode);
    const {
      consolidation: { sections: _withoutTexts, ...head },
      figures,
    } = await this.assemble(plan, unit, 'none');
    return { head, sections: this.sectionsOneByOne(plan.outline, head.included), figures };
  }

  /**
   * The figures of a consolidating unit's group, unit by unit (the included reports', as entered),
   * with their definitions and appendix tables: what the per-unit Excel export and
   * `indicatorBreakdown` show. Read as the consolidated view is (canRead).
   */
  async figuresByUnit(planId: string, userId: string, unitCode?: string) {
    const { plan, unit } = await this.readable(planId, userId, unitCode);
    const { consolidation, figures } = await this.assemble(plan, unit, 'none');
    return {
      plan: { id: plan.id, code: plan.code, term: plan.term },
      unitCode: unit.code,
      unitName: unit.name,
      missingUnits: consolidation.completeness.rows.filter((r) => r.status === 'missing').map((r) => ({ unitCode: r.unitCode, unitName: r.unitName })),
      totals: consolidation.indicators,
      ...figures,
      groups: planIndicators(plan.term, plan.indicatorNames).groups,
    };
  }

  private async *sectionsOneByOne(outline: readonly OutlineSection[], reportIds: string[]): AsyncGenerator<ConsolidatedSection> {
    for (const section of outline) {
      const rows = reportIds.length ? await unitSectionsOfReports(this.db, reportIds, section.key) : [];
      yield consolidateSection(section, rows.sort(byUnitCode));
    }
  }

  private async readable(planId: string, userId: string, unitCode?: string) {
    const plan = await this.plans.get(planId);
    const unit = unitCode ? await consolidatingUnitByCode(this.db, unitCode, plan.rootUnitId) : await consolidatingUnitById(this.db, plan.rootUnitId);
    if (!unit) throw notFound('Unit in this plan', unitCode ?? plan.rootUnitId);
    if (!(await this.canRead(userId, unit.id))) throw forbidden('Only the consolidating unit, its reviewers and admins read its consolidation');
    return { plan, unit };
  }

  /**
   * For a document people read: every included unit's text while the group is small; beyond
   * `fullTextLimit` units only the texts of the units directly below (tens of thousands of pages
   * help nobody, and the full texts stay in the JSON consolidation).
   */
  async forDocument(planId: string, userId: string, unitCode: string | undefined, fullTextLimit: number) {
    const outline = await this.consolidated(planId, userId, unitCode, 'none');
    const abridged = outline.included.length > fullTextLimit;
    return { ...(await this.consolidated(planId, userId, unitCode, abridged ? 'direct' : 'all')), abridged };
  }

  /**
   * Builds a unit's consolidation from PostgreSQL. The report texts, by far the largest part, are
   * read only for the included reports whose texts are asked for.
   */
  async build(plan: PlanEntity, unit: ConsolidatingUnit, texts: TextSelection = 'all') {
    return (await this.assemble(plan, unit, texts)).consolidation;
  }

  /** The consolidation, and the figures of its included units one by one (kept apart: for ten thousand units they are large). */
  private async assemble(plan: PlanEntity, unit: ConsolidatingUnit, texts: TextSelection) {
    const rows = await this.members(plan);
    // The root has no report of its own; it always consolidates, whatever its kind.
    const tree = rows.map((r) => ({ id: r.unit_id, parentId: r.parent_id, kind: r.kind }));
    const groups = consolidationGroups([...tree, { id: plan.rootUnitId, parentId: null, kind: 'bloc' }], plan.rootUnitId, plan.consolidateAt);
    const memberIds = groups.get(unit.id);
    if (!memberIds) throw refused(`${unit.code} does not consolidate in this plan (consolidateAt: ${plan.consolidateAt.join(', ')})`);
    const members = new Set(memberIds);
    const group = rows.filter((r) => members.has(r.unit_id));
    const isIncluded = await this.inclusionOf(plan);
    const included = group.filter(isIncluded);
    const withTexts = texts === 'all' ? included : texts === 'direct' ? included.filter((r) => r.parent_id === unit.id) : [];
    const sections = await this.sectionsOf(withTexts.map((r) => r.id));
    const definitions = planIndicators(plan.term, plan.indicatorNames).definitions;
    const merged = consolidate(
      plan.outline,
      included.map((r) => ({ reportId: r.id, unitCode: r.code, unitName: r.name, sections: sections.get(r.id) ?? {}, indicators: r.indicators })),
      definitions,
    );
    // Units missing at a consolidating unit below are missing from this report too (their texts and figures never reached it).
    const carried = await this.missingBelow(plan.id, unit.id);
    const carriedRows = rows.filter((r) => carried.has(r.code) && !members.has(r.unit_id));
    const draftingDue = (kind: string) => plan.deadlines[kind as UnitKind]?.drafting;
    const completeness = completenessTable(
      [...group, ...carriedRows].map((r) => {
        const inReport = members.has(r.unit_id) && isIncluded(r);
        return {
          unitCode: r.code,
          unitName: r.name,
          included: inReport,
          firstSubmittedAt: r.first_submitted_at,
          draftingDueAt: draftingDue(r.kind) ? new Date(draftingDue(r.kind)!) : null,
          returnedCount: r.returned_count,
          afterCompletion: plan.status === 'completed' && r.stage === DONE_STAGE && !inReport,
        };
      }),
    );
    const consolidation = {
      unitCode: unit.code,
      unitName: unit.name,
      included: merged.included,
      missing: [...new Set([...group.filter((r) => !isIncluded(r)), ...carriedRows].map((r) => r.code))].sort(),
      sections: merged.sections,
      indicators: merged.indicators,
      completeness,
    };
    // `included` is in code order (members() reads them so): the order of the breakdown too.
    const units: UnitFigures[] = included.map((r) => ({ unitCode: r.code, unitName: r.name, indicators: r.indicators }));
    return { consolidation, figures: { definitions: definitions as IndicatorDefinition[], units } };
  }

  private async members(plan: PlanEntity): Promise<ConsolidationMemberRow[]> {
    return consolidationMembersOf(this.db, plan.id);
  }

  private async sectionsOf(reportIds: string[]): Promise<Map<string, SectionMap>> {
    if (reportIds.length === 0) return new Map();
    const rows = await sectionsOfReports(this.db, reportIds);
    return new Map(rows.map((r) => [r.id, r.sections]));
  }

  /**
   * Which reports the consolidation takes in. Until the working group first completes its task: the
   * reports at or past consolidation (the live view). From then on: the reports its completions took
   * in (`consolidation_inclusions`), plus, while a later round is open (the Standing Committee
   * returned the report), those waiting for that round; nothing arriving afterwards changes it.
   */
  private async inclusionOf(plan: PlanEntity): Promise<(r: { id: string; stage: string }) => boolean> {
    // The rule lives in consolidation-plan.ts, where the level reports read it on a worker's transaction too.
    const isIncluded = await consolidationInclusion(this.db.manager, plan, await this.includedStages(plan.workflowKey, plan.workflowVersion));
    return (r) => isIncluded({ reportId: r.id, stage: r.stage });
  }

  /** The units the collections below `unitId` recorded as missing at their cut-off. */
  private async missingBelow(planId: string, unitId: string): Promise<Set<string>> {
    return new Set(await missingCodesBelow(this.db, planId, unitId));
  }

  /** Consolidation and every stage after it, and done. */
  private async includedStages(key: string, version: number): Promise<Set<string>> {
    const { stages } = await this.workflows.get(key, version);
    const from = stages.findIndex((s) => s.kind === 'consolidation');
    return new Set([...(from < 0 ? [] : stages.slice(from).map((s) => s.key)), DONE_STAGE]);
  }

  private async canRead(userId: string, unitId: string): Promise<boolean> {
    if (await this.access.isAdmin(userId)) return true;
    return readsConsolidationOf(this.db, userId, unitId);
  }
}
