import { roleName } from './role-names';
import { ROOT_APPROVAL_STAGE } from './types';

/** One plan-level task (no report) of the plan's latest consolidation round. */
export interface PlanStageTask {
  state: 'open' | 'completed' | 'cancelled';
  /** Whether the worker has applied the decision of a completed task. */
  applied: boolean;
}

/**
 * Where a plan-level stage stands: not reached yet, open (someone holds a task), a vote cast that
 * the worker has still to apply, nobody able to act (`unassigned`), or behind the plan.
 */
export type PlanStageState = 'not_started' | 'open' | 'deciding' | 'unassigned' | 'done';

export interface PlanStagesInput {
  planStatus: string;
  /** The workflow's consolidation stage (the root's working group). */
  consolidation: { key: string; role: string };
  /** The plan's latest consolidation round; 0 while none has opened. */
  round: number;
  consolidationTasks: readonly PlanStageTask[];
  /** The Standing Committee's tasks of the same round (root approval follows the round's consolidation). */
  rootApprovalTasks: readonly PlanStageTask[];
  waitingAtConsolidation: number;
  /** Whether the root's collection has completed (every report approved, or its cut-off passed). */
  rootCollected: boolean;
  /** How many people hold each stage's role at the root now. */
  eligible: { consolidation: number; rootApproval: number };
}

export interface PlanStageStatus {
  stage: string;
  round: number;
  state: PlanStageState;
  openTasks: number;
  votes: number;
  eligible: number;
  /** Why nobody can act, for people (Vietnamese) and for logs (English); null unless unassigned. */
  reason: { vi: string; en: string } | null;
}

const count = (tasks: readonly PlanStageTask[], state: PlanStageTask['state']) => tasks.filter((t) => t.state === state).length;

/** Votes cast and open tasks of a round that has been reached: who, if anyone, can still move it. */
function roundState(tasks: readonly PlanStageTask[]): PlanStageState {
  if (count(tasks, 'open') > 0) return 'open';
  const completed = tasks.filter((t) => t.state === 'completed');
  if (completed.length === 0) return 'unassigned';
  // With no task open, the votes cast decide (a plan-level stage cannot stay pending on completed votes alone).
  return completed.some((t) => !t.applied) ? 'deciding' : 'done';
}

/**
 * The working group's consolidation. A round opened with nobody in it, or whose every holder lost
 * the role, is unassigned; so are reports waiting after the root's collection completed while no
 * round ever opened.
 */
export function consolidationState(input: PlanStagesInput): PlanStageState {
  if (input.planStatus === 'completed') return 'done';
  if (input.planStatus !== 'launched') return 'not_started';
  if (input.round === 0) return input.waitingAtConsolidation > 0 && input.rootCollected ? 'unassigned' : 'not_started';
  return roundState(input.consolidationTasks);
}

/**
 * The Standing Committee's approval, reached once the round's consolidation is done. With no task
 * open and no vote left to apply, nobody can finish it: the votes cast did not decide and nobody
 * else holds a task.
 */
export function rootApprovalState(input: PlanStagesInput): PlanStageState {
  if (input.planStatus === 'completed') return 'done';
  if (consolidationState(input) !== 'done') return 'not_started';
  const state = roundState(input.rootApprovalTasks);
  return state === 'done' ? 'unassigned' : state;
}

/** Both plan-level stages with who could act and, when nobody can, why. */
export function planStages(input: PlanStagesInput): PlanStageStatus[] {
  const status = (
    stage: string,
    state: PlanStageState,
    tasks: readonly PlanStageTask[],
    eligible: number,
    reason: (eligible: number) => { vi: string; en: string },
  ): PlanStageStatus => ({
    stage,
    round: input.round,
    state,
    openTasks: count(tasks, 'open'),
    votes: count(tasks, 'completed'),
    eligible,
    reason: state === 'unassigned' ? reason(eligible) : null,
  });
  const { key, role } = input.consolidation;
  return [
    status(key, consolidationState(input), input.consolidationTasks, input.eligible.consolidation, (n) =>
      n === 0
        ? {
            vi: `Không có ai giữ vai trò ${roleName(role)} tại đơn vị gốc để tổng hợp báo cáo`,
            en: `Nobody holds the ${role} role at the root unit to consolidate the reports`,
          }
        : {
            vi: `${n} người giữ vai trò ${roleName(role)} tại đơn vị gốc nhưng chưa ai được giao nhiệm vụ tổng hợp`,
            en: `${n} people hold the ${role} role at the root unit but none has a consolidation task`,
          },
    ),
    status(ROOT_APPROVAL_STAGE, rootApprovalState(input), input.rootApprovalTasks, input.eligible.rootApproval, (n) =>
      n === 0
        ? {
            vi: 'Không có ai trong Ban Thường vụ (vai trò thẩm định tại đơn vị gốc) để thông qua báo cáo tổng hợp',
            en: 'Nobody holds the reviewer role at the root unit (Standing Committee) to approve the consolidated report',
          }
        : {
            vi: `${n} đồng chí Ban Thường vụ giữ vai trò nhưng không ai còn nhiệm vụ duyệt báo cáo tổng hợp`,
            en: `${n} Standing Committee members hold the role but none has an approval task left`,
          },
    ),
  ];
}
