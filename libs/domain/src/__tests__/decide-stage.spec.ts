import { decideStage } from '../decide-stage';

describe('decideStage', () => {
  it('any: one approval is enough', () => {
    expect(decideStage({ type: 'any' }, { assigned: 3, approvals: 0, returns: 0 })).toBe('pending');
    expect(decideStage({ type: 'any' }, { assigned: 3, approvals: 1, returns: 0 })).toBe('approved');
  });

  it('all: every assigned member', () => {
    expect(decideStage({ type: 'all' }, { assigned: 3, approvals: 2, returns: 0 })).toBe('pending');
    expect(decideStage({ type: 'all' }, { assigned: 3, approvals: 3, returns: 0 })).toBe('approved');
  });

  it('majority is strictly more than half', () => {
    expect(decideStage({ type: 'majority' }, { assigned: 2, approvals: 1, returns: 0 })).toBe('pending');
    expect(decideStage({ type: 'majority' }, { assigned: 2, approvals: 2, returns: 0 })).toBe('approved');
    expect(decideStage({ type: 'majority' }, { assigned: 4, approvals: 2, returns: 0 })).toBe('pending');
    expect(decideStage({ type: 'majority' }, { assigned: 5, approvals: 3, returns: 0 })).toBe('approved');
    expect(decideStage({ type: 'majority' }, { assigned: 1, approvals: 1, returns: 0 })).toBe('approved');
  });

  it('quorum needs at least min approvals', () => {
    expect(decideStage({ type: 'quorum', min: 2 }, { assigned: 5, approvals: 1, returns: 0 })).toBe('pending');
    expect(decideStage({ type: 'quorum', min: 2 }, { assigned: 5, approvals: 2, returns: 0 })).toBe('approved');
  });

  it('quorum larger than the committee is capped at its size', () => {
    expect(decideStage({ type: 'quorum', min: 5 }, { assigned: 2, approvals: 2, returns: 0 })).toBe('approved');
  });

  it('one return resolves the stage whatever the rule', () => {
    expect(decideStage({ type: 'all' }, { assigned: 3, approvals: 2, returns: 1 })).toBe('returned');
    expect(decideStage({ type: 'any' }, { assigned: 3, approvals: 0, returns: 1 })).toBe('returned');
  });

  it('a stage nobody is assigned to is unassigned, not approved', () => {
    expect(decideStage({ type: 'all' }, { assigned: 0, approvals: 0, returns: 0 })).toBe('unassigned');
    expect(decideStage({ type: 'majority' }, { assigned: 0, approvals: 0, returns: 0 })).toBe('unassigned');
  });
});
