import { COLLECTION_CUT_OFF_KEY } from './due-date';
import { ROLES, RULE_TYPES, SCOPES, STAGE_KINDS, StageDefinition } from './types';

const STAGE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/**
 * Every problem of a workflow definition, so an administrator fixes them in one go; empty when
 * sound. A definition is sound when each report can always move: it starts by drafting, returns go
 * back, rules can be met, and roles and scopes are ones the engine knows.
 */
export function workflowProblems(stages: readonly Partial<StageDefinition>[]): string[] {
  if (stages.length === 0) return ['a workflow needs at least one stage'];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  stages.forEach((stage, index) => {
    const at = `stages[${index}]${stage.key ? ` (${stage.key})` : ''}`;
    if (!stage.key || !STAGE_KEY.test(stage.key)) problems.push(`${at}: key must be lower-case letters, digits or underscores`);
    else if (stage.key === 'done') problems.push(`${at}: key "done" is reserved for finished reports`);
    else if (stage.key === COLLECTION_CUT_OFF_KEY) problems.push(`${at}: key "${COLLECTION_CUT_OFF_KEY}" is reserved for the plan's data cut-off deadline`);
    else if (seen.has(stage.key)) problems.push(`${at}: key ${stage.key} is used twice`);
    else seen.set(stage.key, index);
    if (!stage.name || !stage.name.trim()) problems.push(`${at}: name is required`);
    if (!includes(STAGE_KINDS, stage.kind)) problems.push(`${at}: kind must be one of ${STAGE_KINDS.join(', ')}`);
    if (!includes(ROLES, stage.role) || stage.role === 'admin') problems.push(`${at}: role must be one of drafter, approver, reviewer, consolidator`);
    if (!includes(SCOPES, stage.scope)) problems.push(`${at}: scope must be one of ${SCOPES.join(', ')}`);
    if (stage.kind === 'consolidation' && stage.scope !== 'root') problems.push(`${at}: a consolidation stage works at the root (scope root)`);
    problems.push(...ruleProblems(at, stage));
    problems.push(...returnProblems(at, stage, index, stages));
    problems.push(...timingProblems(at, stage));
  });
  if (stages[0].kind !== 'draft') problems.push('stages[0]: the first stage must be a draft stage');
  problems.push(...consolidationProblems(stages));
  return problems;
}

/**
 * A plan ends when the root gathers every report: without a consolidation stage no report would
 * ever reach it, with two the plan-wide round would be opened twice, and a stage after it would be
 * reached only by reports the root has already consolidated.
 */
function consolidationProblems(stages: readonly Partial<StageDefinition>[]): string[] {
  const consolidating = stages.flatMap((stage, index) => (stage.kind === 'consolidation' ? [{ stage, index }] : []));
  if (consolidating.length === 0) return ['a workflow needs exactly one consolidation stage, as its last stage (the root gathers the reports there)'];
  const label = ({ stage, index }: { stage: Partial<StageDefinition>; index: number }) => `stages[${index}]${stage.key ? ` (${stage.key})` : ''}`;
  const problems: string[] = [];
  if (consolidating.length > 1)
    problems.push(`a workflow has exactly one consolidation stage, not ${consolidating.length}: ${consolidating.map(label).join(', ')}`);
  const last = stages.length - 1;
  for (const found of consolidating) {
    if (found.index !== last) problems.push(`${label(found)}: the consolidation stage must be the last stage`);
  }
  return problems;
}

function ruleProblems(at: string, stage: Partial<StageDefinition>): string[] {
  const rule = stage.rule;
  if (!rule || !includes(RULE_TYPES, rule.type)) return [`${at}: rule.type must be one of ${RULE_TYPES.join(', ')}`];
  if (rule.type === 'quorum' && (!Number.isInteger(rule.min) || (rule.min as number) < 1)) return [`${at}: a quorum rule needs min, an integer of at least 1`];
  if (rule.type !== 'quorum' && rule.min !== undefined) return [`${at}: min only applies to a quorum rule`];
  return [];
}

function returnProblems(at: string, stage: Partial<StageDefinition>, index: number, stages: readonly Partial<StageDefinition>[]): string[] {
  if (stage.returnTo === undefined) return [];
  const target = stages.findIndex((s) => s.key === stage.returnTo);
  if (target < 0) return [`${at}: returnTo ${stage.returnTo} is not a stage of this workflow`];
  if (target >= index) return [`${at}: returnTo must point to an earlier stage, not ${stage.returnTo}`];
  return [];
}

function timingProblems(
  at: string,
  stage: Partial<StageDefinition> & { dueAfter?: unknown; reminders?: { before?: unknown; escalateAfter?: unknown } },
): string[] {
  const problems: string[] = [];
  if (stage.dueAfter !== undefined && !isDuration(stage.dueAfter)) problems.push(`${at}: dueAfter must be an ISO 8601 duration such as P10D`);
  const reminders = stage.reminders;
  if (reminders !== undefined) {
    if (!Array.isArray(reminders.before) || !reminders.before.every(isDuration)) problems.push(`${at}: reminders.before must be a list of ISO 8601 durations`);
    if (reminders.escalateAfter !== undefined && !isDuration(reminders.escalateAfter))
      problems.push(`${at}: reminders.escalateAfter must be an ISO 8601 duration`);
  }
  return problems;
}

function isDuration(value: unknown): boolean {
  return typeof value === 'string' && ISO_DURATION.test(value);
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
