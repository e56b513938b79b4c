import { addDuration } from './iso-duration';
import { StageDefinition, UnitKind } from './types';

/** Deadlines of a plan: per unit kind, per stage key, an ISO 8601 instant with offset. */
export type PlanDeadlines = Partial<Record<UnitKind, Record<string, string>>>;

/** The due date of a unit kind's stage, or null when the plan sets none. */
export function dueAtFor(deadlines: PlanDeadlines, kind: UnitKind, stageKey: string): Date | null {
  const value = deadlines[kind]?.[stageKey];
  return value ? new Date(value) : null;
}

export function isOverdue(dueAt: Date | null, now: Date, finished: boolean): boolean {
  return !finished && dueAt !== null && dueAt.getTime() < now.getTime();
}

/**
 * The due date of a stage for a report: the plan's deadline for the unit kind (for consolidation,
 * the root's kind, since the root consolidates), else the stage's own `dueAfter` counted from when
 * the report entered it, else none.
 */
export function stageDueAt(
  deadlines: PlanDeadlines,
  stage: Pick<StageDefinition, 'key' | 'kind' | 'dueAfter'>,
  unit: { kind: UnitKind; rootKind: UnitKind },
  enteredAt: Date,
): Date | null {
  const kind = stage.kind === 'consolidation' ? unit.rootKind : unit.kind;
  const planned = dueAtFor(deadlines, kind, stage.key);
  if (planned) return planned;
  return stage.dueAfter ? addDuration(enteredAt, stage.dueAfter) : null;
}

/**
 * The deadline key for a consolidating unit's data cut-off (thời gian chốt số liệu): when its
 * collection closes, with the units still missing listed. Set it before the consolidation deadline
 * so the working group has time to consolidate what came in; without it, the collection closes at
 * the consolidation deadline itself. Reserved: no workflow stage may take this key.
 */
export const COLLECTION_CUT_OFF_KEY = 'collection';

/**
 * The cut-off of a consolidating unit's collection: its kind's `collection` deadline, else its kind's
 * consolidation deadline, else the root kind's `collection`, else the root kind's consolidation
 * deadline; null when the plan sets none of them (the collection then waits for every report).
 */
export function collectionCutOff(deadlines: PlanDeadlines, kind: UnitKind, rootKind: UnitKind, consolidationStage: string): Date | null {
  const value =
    deadlines[kind]?.[COLLECTION_CUT_OFF_KEY] ??
    deadlines[kind]?.[consolidationStage] ??
    deadlines[rootKind]?.[COLLECTION_CUT_OFF_KEY] ??
    deadlines[rootKind]?.[consolidationStage];
  return value ? new Date(value) : null;
}
