import { approvalRuleText, approvalsNeeded, decideStage, summarizeDecision } from '..';

const a = (fullName: string, decision: 'approve' | 'return' | null = null) => ({ fullName, decision });

describe('decision state of a round', () => {
  it('needs as many approvals as decideStage counts to resolve the stage', () => {
    for (const rule of [{ type: 'any' as const }, { type: 'all' as const }, { type: 'majority' as const }, { type: 'quorum' as const, min: 2 }]) {
      for (let assigned = 1; assigned <= 6; assigned += 1) {
        const needed = approvalsNeeded(rule, assigned);
        expect(decideStage(rule, { assigned, approvals: needed, returns: 0 })).toBe('approved');
        expect(decideStage(rule, { assigned, approvals: needed - 1, returns: 0 })).toBe('pending');
      }
    }
  });

  it('reads "1/2 đã đồng ý, chờ …" while a member is awaited', () => {
    const state = summarizeDecision({ type: 'all' }, [a('Trần Thị Bình', 'approve'), a('Nguyễn Văn An')]);
    expect(state).toEqual({
      needed: 2,
      approvals: 1,
      returns: 0,
      waitingFor: ['Nguyễn Văn An'],
      summary: '1/2 đã đồng ý, chờ Nguyễn Văn An',
      ruleText: 'Cần tất cả 2 đồng chí đồng ý',
    });
  });

  it('says a return resolved it rather than whom it waits for', () => {
    const state = summarizeDecision({ type: 'majority' }, [a('A', 'return'), a('B'), a('C', 'approve')]);
    expect(state.summary).toBe('1/3 đã đồng ý, 1 trả lại');
    expect(state.ruleText).toBe('Cần quá nửa số đồng chí đồng ý (2/3)');
  });

  it('names each rule in Vietnamese, a quorum capped by the members assigned', () => {
    expect(approvalRuleText({ type: 'any' }, 3)).toBe('Cần một đồng chí đồng ý');
    expect(approvalRuleText({ type: 'quorum', min: 5 }, 3)).toBe('Cần ít nhất 3 đồng chí đồng ý');
    expect(summarizeDecision({ type: 'any' }, []).summary).toBe('0/0 đã đồng ý');
  });
});
