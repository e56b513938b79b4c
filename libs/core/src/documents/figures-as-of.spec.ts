import { figuresAsOf } from './figures-as-of';

describe('figuresAsOf: the figures’ cut-off date of a consolidation', () => {
  const now = new Date('2019-10-01T03:00:00Z');
  const cutOff = new Date('2019-09-30T10:00:00Z');
  const collected = new Date('2019-09-20T08:15:00Z');
  const deadline = new Date('2019-09-25T10:00:00Z');

  it('a closed collection: the moment it closed, with its cut-off alongside', () => {
    expect(figuresAsOf({ collectedAt: collected, cutOffAt: cutOff, planDeadline: deadline, now })).toEqual({
      asOf: collected,
      asOfSource: 'collected',
      cutOffAt: cutOff,
      collectedAt: collected,
    });
  });

  it('an open collection: its cut-off', () => {
    expect(figuresAsOf({ collectedAt: null, cutOffAt: cutOff, planDeadline: deadline, now })).toEqual({
      asOf: cutOff,
      asOfSource: 'cut_off',
      cutOffAt: cutOff,
      collectedAt: null,
    });
  });

  it('no collection recorded: the plan’s consolidation deadline, else now', () => {
    expect(figuresAsOf({ collectedAt: null, cutOffAt: null, planDeadline: deadline, now })).toEqual({
      asOf: deadline,
      asOfSource: 'plan_deadline',
      cutOffAt: null,
      collectedAt: null,
    });
    expect(figuresAsOf({ collectedAt: null, cutOffAt: null, planDeadline: null, now })).toEqual({
      asOf: now,
      asOfSource: 'now',
      cutOffAt: null,
      collectedAt: null,
    });
  });
});
