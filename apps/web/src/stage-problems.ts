/**
 * A workflow draft's problems, in Vietnamese, put on the stage they concern: checked as the
 * administrator edits (the engine's own rules, libs/domain) and again from the engine's refusal.
 */
import { workflowProblems } from '../../../libs/domain/src/validate-workflow';
import { workflowProblemText } from './api-errors';
import type { Stage } from './api-types';

export interface SortedProblems {
  /** By the stage's position in the draft. */
  byStage: Map<number, string[]>;
  /** Problems of the workflow as a whole. */
  general: string[];
}

const STAGE_AT = /^stages\[(\d+)\]/;
/** "Bước 2 (drafting): " — said by the stage's own box, so left out there. */
const STAGE_PREFIX = /^Bước \d+(?: \([^)]*\))?: /;

export function sortProblems(problems: readonly string[]): SortedProblems {
  const byStage = new Map<number, string[]>();
  const general: string[] = [];
  for (const problem of problems) {
    const at = STAGE_AT.exec(problem);
    const text = workflowProblemText(problem);
    if (!at) {
      general.push(text);
      continue;
    }
    const index = Number(at[1]);
    const own = text.replace(STAGE_PREFIX, '');
    byStage.set(index, [...(byStage.get(index) ?? []), own.charAt(0).toUpperCase() + own.slice(1)]);
  }
  return { byStage, general };
}

export function draftProblems(stages: readonly Stage[]): SortedProblems {
  return sortProblems(workflowProblems(stages));
}
