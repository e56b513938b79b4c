import type { WorkflowDefinition } from './types';

/**
 * The stage at which a unit adopts (thông qua) its report: the first approval stage scoped to the
 * unit itself after drafting (cell_approval in the default workflow), where its own committee or
 * cell decides. Null for a workflow without one: its reports are never adopted by the engine.
 */
export function adoptionStageKey(workflow: Pick<WorkflowDefinition, 'stages'>): string | null {
  const draft = workflow.stages.findIndex((s) => s.kind === 'draft');
  const stage = workflow.stages.find((s, i) => i > draft && s.kind === 'approval' && s.scope === 'self');
  return stage?.key ?? null;
}

/**
 * Whether moving a report back to `toStage` undoes its adoption: it goes back to where its
 * committee will have to adopt it again (drafting, or the adopting stage itself), so the adoption
 * it had stays in the history and the next one takes a new number and date.
 */
export function reopensAdoption(workflow: Pick<WorkflowDefinition, 'stages'>, toStage: string): boolean {
  const adoption = adoptionStageKey(workflow);
  if (!adoption) return false;
  const to = workflow.stages.findIndex((s) => s.key === toStage);
  return to >= 0 && to <= workflow.stages.findIndex((s) => s.key === adoption);
}
