import { ApprovalRule, RULE_TYPES } from './types';

/**
 * The Standing Committee decides by majority (Party Charter art. 9, tập trung dân chủ) unless the
 * plan chose another rule: the root approval is no stage of the workflow definitions, so its rule
 * is the plan's, fixed when the plan is created. Frozen: it is shared by every plan without one.
 */
export const ROOT_APPROVAL_RULE: ApprovalRule = Object.freeze({ type: 'majority' });

/** The rule the Standing Committee of a plan decides by: the plan's own, else the default. */
export function rootApprovalRuleOf(stored: ApprovalRule | null | undefined): ApprovalRule {
  return stored ?? ROOT_APPROVAL_RULE;
}

/**
 * What is wrong with a rule given for `field`, or null: a known type, and `min` (an integer of at
 * least 1) with a quorum only. For callers other than the HTTP API, whose DTO checks the same.
 */
export function approvalRuleProblem(field: string, rule: unknown): string | null {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return `${field} must be an object {type, min?}`;
  const { type, min, ...rest } = rule as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) return `${field}: unknown properties ${unknown.join(', ')}`;
  if (!(RULE_TYPES as readonly unknown[]).includes(type)) return `${field}.type must be one of ${RULE_TYPES.join(', ')}`;
  if (type === 'quorum' && (!Number.isInteger(min) || (min as number) < 1)) return `${field}.min: a quorum rule needs min, an integer of at least 1`;
  if (type !== 'quorum' && min !== undefined) return `${field}.min only applies to a quorum rule`;
  return null;
}
