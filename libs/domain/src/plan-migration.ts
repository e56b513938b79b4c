import { decideStage, StageOutcome, StageTally } from './decide-stage';
import { ReminderSettings } from './reminder-plan';
import { findStage, nextStageKey, returnStageKey } from './stage-machine';
import { DONE_STAGE, StageDefinition, WorkflowDefinition } from './types';

/**
 * What migrating one report does:
 * - `finished`: the report is done; it is left alone.
 * - `unchanged`: same stage, picked the same way; it keeps its tasks and votes.
 * - `redecide`: same stage and people, but the rule changed; the stage is decided again.
 * - `move`: another stage, or other people; the open tasks are cancelled and the new stage's created.
 * - `unmappable`: its stage is not in the new version and the stage map says nothing of it.
 */
export type MigrationAction = 'finished' | 'unchanged' | 'redecide' | 'move' | 'unmappable';

export interface ReportMigrationPlan {
  fromStage: string;
  toStage: string | null;
  action: MigrationAction;
  reason?: string;
}

export function planReportMigration(from: WorkflowDefinition, to: WorkflowDefinition, stageMap: Record<string, string>, stageKey: string): ReportMigrationPlan {
  if (stageKey === DONE_STAGE) return { fromStage: stageKey, toStage: DONE_STAGE, action: 'finished' };
  const target = stageMap[stageKey] ?? (findStage(to, stageKey) ? stageKey : undefined);
  if (!target) {
    return { fromStage: stageKey, toStage: null, action: 'unmappable', reason: `stage ${stageKey} is not in version ${to.version}; map it in stageMap` };
  }
  if (target === DONE_STAGE) return { fromStage: stageKey, toStage: DONE_STAGE, action: 'move' };
  const next = findStage(to, target);
  if (!next)
    return {
      fromStage: stageKey,
      toStage: null,
      action: 'unmappable',
      reason: `stageMap sends ${stageKey} to ${target}, which is not in version ${to.version}`,
    };
  const previous = findStage(from, stageKey);
  if (target !== stageKey || !previous || !sameAssignment(previous, next)) return { fromStage: stageKey, toStage: target, action: 'move' };
  return { fromStage: stageKey, toStage: target, action: sameRule(previous, next) ? 'unchanged' : 'redecide' };
}

/** Problems of a stage map against the versions reports are on and the target version. */
export function stageMapProblems(fromVersions: readonly WorkflowDefinition[], to: WorkflowDefinition, stageMap: Record<string, string>): string[] {
  const known = new Set(fromVersions.flatMap((w) => w.stages.map((s) => s.key)));
  return Object.entries(stageMap).flatMap(([from, target]) => [
    ...(known.has(from) ? [] : [`stageMap: ${from} is not a stage of the versions this plan's reports are on`]),
    ...(target === DONE_STAGE || findStage(to, target) ? [] : [`stageMap: ${target} is not a stage of version ${to.version}`]),
  ]);
}

function sameAssignment(a: StageDefinition, b: StageDefinition): boolean {
  return a.kind === b.kind && a.role === b.role && a.scope === b.scope;
}

function sameRule(a: StageDefinition, b: StageDefinition): boolean {
  return a.rule.type === b.rule.type && (a.rule.min ?? null) === (b.rule.min ?? null);
}

/** Where deciding a stage again under the new version's rule leaves a report, from the votes of its round. */
export interface Redecision {
  outcome: StageOutcome;
  /** The stage it moves to when the stage resolves, else the stage it stays at. */
  toStage: string;
}

/**
 * The same decision the engine takes after a migration changes a stage's rule (votes already cast
 * count), so a dry run can show the move the real run makes. A draft stage resolves on one submit
 * whatever its rule; the consolidation stage is decided by the plan-wide round, never per report.
 */
export function redecideStage(to: WorkflowDefinition, stageKey: string, tally: StageTally): Redecision {
  const stage = findStage(to, stageKey);
  if (!stage || stage.kind === 'consolidation') return { outcome: 'pending', toStage: stageKey };
  const outcome = decideStage(stage.kind === 'draft' ? { type: 'any' } : stage.rule, tally);
  if (outcome === 'approved') return { outcome, toStage: nextStageKey(to, stageKey) };
  if (outcome === 'returned') return { outcome, toStage: returnStageKey(to, stageKey) };
  return { outcome, toStage: stageKey };
}

/** The reminders a stage's tasks get: the stage's own, else the plan's. */
export function effectiveReminders(stage: Pick<StageDefinition, 'reminders'> | undefined, planReminders: ReminderSettings): ReminderSettings {
  return stage?.reminders ?? planReminders;
}

/** Whether two reminder settings plan different notices (offsets compared as a set, in any order). */
export function remindersDiffer(a: ReminderSettings, b: ReminderSettings): boolean {
  const offsets = (s: ReminderSettings) => [...new Set(s.before)].sort().join(',');
  return offsets(a) !== offsets(b) || (a.escalateAfter ?? null) !== (b.escalateAfter ?? null);
}
