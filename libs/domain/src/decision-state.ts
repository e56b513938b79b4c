import { ApprovalRule } from './types';

/** One member of a stage's round as the decision state shows them: decided or still awaited. */
export interface RoundMember {
  fullName: string;
  decision: 'approve' | 'return' | null;
}

export interface DecisionSummary {
  /** Approvals the rule needs from the members assigned now. */
  needed: number;
  approvals: number;
  returns: number;
  /** Full names of those whose voice is still awaited, in the given order. */
  waitingFor: string[];
  /** "1/2 đã đồng ý, chờ Nguyễn Văn A": what an approver reads at a glance. */
  summary: string;
  /** What the stage's rule asks, in Vietnamese ("Cần quá nửa số đồng chí (2/3) đồng ý"). */
  ruleText: string;
}

/** How many approvals resolve a stage of `assigned` members under `rule` (the same arithmetic as decideStage). */
export function approvalsNeeded(rule: ApprovalRule, assigned: number): number {
  switch (rule.type) {
    case 'any':
      return Math.min(1, assigned);
    case 'all':
      return assigned;
    case 'majority':
      return Math.floor(assigned / 2) + 1;
    case 'quorum':
      return Math.min(Math.max(rule.min ?? 1, 1), assigned);
  }
}

/** The rule in words, with the count it needs of the members assigned now. */
export function approvalRuleText(rule: ApprovalRule, assigned: number): string {
  const needed = approvalsNeeded(rule, assigned);
  switch (rule.type) {
    case 'any':
      return 'Cần một đồng chí đồng ý';
    case 'all':
      return `Cần tất cả ${assigned} đồng chí đồng ý`;
    case 'majority':
      return `Cần quá nửa số đồng chí đồng ý (${needed}/${assigned})`;
    case 'quorum':
      return `Cần ít nhất ${needed} đồng chí đồng ý`;
  }
}

/**
 * Where a round's decision stands: who approved, who returned, whose voice is awaited. Members are
 * the round's tasks not withdrawn, one per person (the engine counts one voice each).
 */
export function summarizeDecision(rule: ApprovalRule, members: readonly RoundMember[]): DecisionSummary {
  const approvals = members.filter((m) => m.decision === 'approve').length;
  const returns = members.filter((m) => m.decision === 'return').length;
  const waitingFor = members.filter((m) => m.decision === null).map((m) => m.fullName);
  const parts = [`${approvals}/${members.length} đã đồng ý`];
  if (returns > 0) parts.push(`${returns} trả lại`);
  if (waitingFor.length > 0 && returns === 0) parts.push(`chờ ${waitingFor.join(', ')}`);
  return {
    needed: approvalsNeeded(rule, members.length),
    approvals,
    returns,
    waitingFor,
    summary: parts.join(', '),
    ruleText: approvalRuleText(rule, members.length),
  };
}
