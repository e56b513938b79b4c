import { decideStage } from '../decide-stage';
import { approvalRuleProblem, ROOT_APPROVAL_RULE, rootApprovalRuleOf } from '../root-approval-rule';

describe('the Standing Committee’s rule of a plan', () => {
  it('is majority when the plan sets none, else the plan’s own', () => {
    expect(rootApprovalRuleOf(null)).toEqual({ type: 'majority' });
    expect(rootApprovalRuleOf(undefined)).toBe(ROOT_APPROVAL_RULE);
    expect(rootApprovalRuleOf({ type: 'quorum', min: 3 })).toEqual({ type: 'quorum', min: 3 });
  });

  it('the shared default cannot be changed through one plan', () => {
    expect(Object.isFrozen(ROOT_APPROVAL_RULE)).toBe(true);
  });

  it('decides a committee of two: majority needs both, any needs one (through decideStage)', () => {
    const oneOfTwo = { assigned: 2, approvals: 1, returns: 0 };
    expect(decideStage(rootApprovalRuleOf(null), oneOfTwo)).toBe('pending');
    expect(decideStage(rootApprovalRuleOf(null), { ...oneOfTwo, approvals: 2 })).toBe('approved');
    expect(decideStage(rootApprovalRuleOf({ type: 'any' }), oneOfTwo)).toBe('approved');
    expect(decideStage(rootApprovalRuleOf({ type: 'all' }), oneOfTwo)).toBe('pending');
  });

  it('accepts the four rules, min with a quorum only', () => {
    for (const rule of [{ type: 'any' }, { type: 'all' }, { type: 'majority' }, { type: 'quorum', min: 1 }, { type: 'quorum', min: 7 }]) {
      expect(approvalRuleProblem('rootApproval', rule)).toBeNull();
    }
  });

  it('refuses every other combination, naming the field', () => {
    expect(approvalRuleProblem('rootApproval', { type: 'quorum' })).toBe('rootApproval.min: a quorum rule needs min, an integer of at least 1');
    expect(approvalRuleProblem('rootApproval', { type: 'quorum', min: 0 })).toContain('rootApproval.min');
    expect(approvalRuleProblem('rootApproval', { type: 'quorum', min: 1.5 })).toContain('rootApproval.min');
    expect(approvalRuleProblem('rootApproval', { type: 'quorum', min: '2' })).toContain('rootApproval.min');
    expect(approvalRuleProblem('rootApproval', { type: 'any', min: 1 })).toBe('rootApproval.min only applies to a quorum rule');
    expect(approvalRuleProblem('rootApproval', { type: 'most' })).toBe('rootApproval.type must be one of any, all, majority, quorum');
    expect(approvalRuleProblem('rootApproval', { type: 'any', quorum: 2 })).toBe('rootApproval: unknown properties quorum');
    expect(approvalRuleProblem('rootApproval', 'majority')).toBe('rootApproval must be an object {type, min?}');
    expect(approvalRuleProblem('rootApproval', null)).toBe('rootApproval must be an object {type, min?}');
  });
});
