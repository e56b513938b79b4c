import { adoptionStageKey } from './adoption-stage';
import { adoptingBodyOf, PartyUnitName } from './party-names';
import { DONE_STAGE, ROOT_APPROVAL_STAGE, Scope, StageDefinition, StageKind, UnitKind } from './types';

/** What a label needs of a workflow stage (the web app's stage type fits it too). */
export interface LabelledStage {
  key: string;
  name: string;
  kind: StageKind;
  scope: Scope;
}

/** Where a stage is read: the report's unit, or only its level, and the plan's root for the plan-level stages. */
export interface StageLabelContext {
  /** The workflow version's stages, in order. */
  stages: readonly LabelledStage[];
  /** The unit whose report is in the stage. */
  unit?: PartyUnitName | null;
  /** Only the level, when no one unit is meant (a deadline per level). */
  level?: UnitKind | null;
  /** The plan's root: its committee adopts the consolidated report. */
  root?: PartyUnitName | null;
}

/** Names of the pseudo-stages and of the built-in stages, for a key no longer in (or not yet read of) the version at hand. */
const FIXED_NAMES: Readonly<Record<string, string>> = {
  [DONE_STAGE]: 'Hoàn thành',
  collection: 'Chốt số liệu tổng hợp',
  drafting: 'Dự thảo báo cáo',
  committee_review: 'Cấp ủy cấp trên thẩm định',
  consolidation: 'Tổng hợp ở Khối',
};

/** The adopting stage of the built-in workflow (tongket). */
const BUILT_IN_ADOPTION = 'cell_approval';

const ADOPTION_BY_LEVEL: Readonly<Record<UnitKind, string>> = {
  bloc: 'Ban Thường vụ Đảng ủy Khối thông qua',
  upper: 'Ban Thường vụ thông qua',
  grassroots: 'Đảng ủy, chi bộ cơ sở thông qua',
  cell: 'Chi bộ thông qua',
};

/** The adopting stage, by the rule of adoption-stage.ts, which reads only a stage's key, kind and scope. */
function adoptingStage(stages: readonly LabelledStage[]): string | null {
  return adoptionStageKey({ stages: stages as readonly StageDefinition[] as StageDefinition[] });
}

/**
 * A stage as a person reads it. The adopting stage is named after who adopts at that level ("Chi
 * bộ thông qua", "Đảng ủy thông qua", "Ban Thường vụ thông qua"); the Standing Committee's approval
 * of the consolidated report after the root ("Ban Thường vụ Đảng ủy Khối thông qua" for the
 * Khối's); every other stage by the name its workflow gives it ("Cấp ủy cấp trên thẩm định").
 * Never a key: an unknown one reads as a stage no longer in the workflow.
 */
export function stageLabel(key: string, context: StageLabelContext): string {
  if (key === ROOT_APPROVAL_STAGE) return context.root ? `${adoptingBodyOf(context.root)} thông qua` : 'Ban Thường vụ thông qua';
  const stage = context.stages.find((s) => s.key === key);
  // Without the version's stages, the built-in adopting stage is still known by its key.
  if (stage ? key === adoptingStage(context.stages) : key === BUILT_IN_ADOPTION) {
    if (context.unit) return `${adoptingBodyOf(context.unit)} thông qua`;
    if (context.level) return ADOPTION_BY_LEVEL[context.level];
    return 'Chi bộ, cấp ủy thông qua';
  }
  return stage?.name ?? FIXED_NAMES[key] ?? 'Bước không còn trong quy trình';
}
