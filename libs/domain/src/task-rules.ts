import { conflict, refused } from './domain-error';
import { StageKind, TaskState } from './types';

export interface CompletionRequest {
  taskState: TaskState;
  stageKind: StageKind;
  decision: 'approve' | 'return';
  comment?: string;
}

/** Checks a task completion against the rules; throws a coded error when refused. */
export function assertCanComplete(request: CompletionRequest): void {
  if (request.taskState !== 'open') throw conflict(`Task is ${request.taskState}, not open`);
  if (request.stageKind === 'draft') throw refused('A drafting task is completed by submitting the report');
  if (request.decision === 'return') {
    if (request.stageKind === 'consolidation') refusedReturnOfConsolidation();
    if (!request.comment || request.comment.trim().length === 0) {
      throw refused('A return needs a comment giving the reason');
    }
  }
}

function refusedReturnOfConsolidation(): never {
  throw refused('Consolidation cannot be returned; the committee above returns reports during its review');
}

/** Delegation keeps the role and the unit: only another holder of the same role there may take it. */
export function assertCanDelegate(taskState: TaskState, targetHoldsRole: boolean, sameUser: boolean): void {
  if (taskState !== 'open') throw conflict(`Task is ${taskState}, not open`);
  if (sameUser) throw refused('The task already belongs to that user');
  if (!targetHoldsRole) throw refused('The user must hold the same role for the same unit');
}
