import { ApprovalRule } from './types';

export interface StageTally {
  /** Members assigned to the stage (tasks not cancelled). */
  assigned: number;
  approvals: number;
  returns: number;
}

export type StageOutcome = 'approved' | 'returned' | 'pending' | 'unassigned';

/**
 * Decides a stage from its votes. One return resolves the stage at once (api.md); "majority" is
 * strictly more than half of the assigned members (Party Charter art. 9, tập trung dân chủ).
 */
export function decideStage(rule: ApprovalRule, tally: StageTally): StageOutcome {
  if (tally.returns > 0) return 'returned';
  if (tally.assigned === 0) return 'unassigned';
  return isRuleMet(rule, tally) ? 'approved' : 'pending';
}

function isRuleMet(rule: ApprovalRule, { assigned, approvals }: StageTally): boolean {
  switch (rule.type) {
    case 'any':
      return approvals >= 1;
    case 'all':
      return approvals >= assigned;
    case 'majority':
      return approvals * 2 > assigned;
    case 'quorum':
      // A quorum larger than the committee can never be met by more votes than members: cap it,
      // so a shrunken committee is not stuck forever.
      return approvals >= Math.min(Math.max(rule.min ?? 1, 1), assigned);
  }
}
