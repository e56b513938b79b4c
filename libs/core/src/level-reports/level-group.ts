import { EntityManager } from 'typeorm';
import { consolidatingUnitByCode, consolidatingUnitById, PlanEntity, planReportsWithUnitNames } from '@app/dal';
import { citationNames, consolidationGroups, contributorOrder, refused, UnitKind } from '@app/domain';
import { inclusionOf } from '../consolidation/consolidation-plan';

export interface LevelUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** A unit whose report a consolidating level gathers. */
export interface LevelMember {
  reportId: string;
  unitId: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: UnitKind;
  stage: string;
  /** The name the level's report cites it by (its name, with the unit above it when shared). */
  citedAs: string;
}

export interface LevelGroup {
  level: LevelUnit;
  /** Every unit of the group, in the order the level's report reads them. */
  members: LevelMember[];
  /** Those whose approved report the level takes in, in the same order. */
  included: LevelMember[];
}

/**
 * The units a consolidating level gathers, read on the caller's connection: one lean query over the
 * plan's reports (no texts, no figures), the plan's groups, and the consolidation's rule of which
 * reports are taken in. For ten thousand reports this is a few megabytes at most.
 */
export async function levelGroupOf(em: EntityManager, plan: PlanEntity, level: LevelUnit, ready: Set<string>): Promise<LevelGroup> {
  const rows = await planReportsWithUnitNames(em, plan.id);
  const tree = [...rows.map((r) => ({ id: r.unit_id, parentId: r.parent_id, kind: r.kind })), { id: plan.rootUnitId, parentId: null, kind: 'bloc' as const }];
  const memberIds = consolidationGroups(tree, plan.rootUnitId, plan.consolidateAt).get(level.id);
  if (!memberIds) throw refused(`${level.code} does not consolidate in this plan (consolidateAt: ${plan.consolidateAt.join(', ')})`);
  const ids = new Set(memberIds);
  const inGroup = rows.filter((r) => ids.has(r.unit_id)).map((r) => ({ id: r.unit_id, parentId: r.parent_id, code: r.code, name: r.name, row: r }));
  const nameOf = new Map<string, string>([[level.id, level.name], ...rows.map((r) => [r.unit_id, r.name] as [string, string])]);
  const cited = citationNames(inGroup, (id) => nameOf.get(id));
  const members = contributorOrder(inGroup, level.id).map(({ row }) => ({
    reportId: row.report_id,
    unitId: row.unit_id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    stage: row.stage,
    citedAs: cited.get(row.unit_id)!,
  }));
  const isIncluded = await inclusionOf(em, plan, ready);
  return { level, members, included: members.filter(isIncluded) };
}

/** A unit of the plan's tree by its code (the root when none is given), or null. */
export async function planUnit(em: EntityManager, plan: PlanEntity, code?: string): Promise<LevelUnit | null> {
  return code ? consolidatingUnitByCode(em, code, plan.rootUnitId) : consolidatingUnitById(em, plan.rootUnitId);
}
