import { DONE_STAGE, StageDefinition, WorkflowDefinition } from './types';

export function findStage(workflow: WorkflowDefinition, key: string): StageDefinition | undefined {
  return workflow.stages.find((stage) => stage.key === key);
}

export function firstStage(workflow: WorkflowDefinition): StageDefinition {
  return workflow.stages[0];
}

/** The stage after `key`, or `done` after the last one. */
export function nextStageKey(workflow: WorkflowDefinition, key: string): string {
  const index = workflow.stages.findIndex((stage) => stage.key === key);
  if (index < 0) throw new Error(`Unknown stage ${key}`);
  return workflow.stages[index + 1]?.key ?? DONE_STAGE;
}

/** Where a return from `key` sends the report: its `returnTo`, else the first draft stage. */
export function returnStageKey(workflow: WorkflowDefinition, key: string): string {
  const stage = findStage(workflow, key);
  if (!stage) throw new Error(`Unknown stage ${key}`);
  if (stage.returnTo) return stage.returnTo;
  const draft = workflow.stages.find((s) => s.kind === 'draft') ?? firstStage(workflow);
  return draft.key;
}

export function isStageBefore(workflow: WorkflowDefinition, a: string, b: string): boolean {
  const order = (key: string) => (key === DONE_STAGE ? workflow.stages.length : workflow.stages.findIndex((s) => s.key === key));
  return order(a) < order(b);
}
