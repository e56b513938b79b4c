import { CompletenessInput, completenessTable } from '../completeness';

describe('completenessTable', () => {
  const due = new Date('2019-07-10T10:00:00Z');
  const input = (unitCode: string, over: Partial<CompletenessInput> = {}): CompletenessInput => ({
    unitCode,
    unitName: `Chi bộ ${unitCode}`,
    included: true,
    firstSubmittedAt: new Date('2019-07-01T03:00:00Z'),
    draftingDueAt: due,
    returnedCount: 0,
    ...over,
  });

  it('judges timeliness by the first submission against the drafting deadline (on the instant is on time)', () => {
    const { rows } = completenessTable([
      input('A'),
      input('B', { firstSubmittedAt: due }),
      input('C', { firstSubmittedAt: new Date(due.getTime() + 1) }),
      input('D', { firstSubmittedAt: new Date('2019-08-01T00:00:00Z'), draftingDueAt: null }),
      input('E', { included: false, firstSubmittedAt: null }),
    ]);
    expect(rows.map((r) => [r.unitCode, r.status, r.timeliness])).toEqual([
      ['A', 'included', 'on_time'],
      ['B', 'included', 'on_time'],
      ['C', 'included', 'late'],
      // No drafting deadline set for its kind: nothing to be late against.
      ['D', 'included', 'on_time'],
      ['E', 'missing', 'not_submitted'],
    ]);
  });

  it('counts units, included, missing, on time, late and returned; a unit returned twice counts once among the returned', () => {
    const { rows, summary } = completenessTable([
      input('KT', { returnedCount: 2, firstSubmittedAt: new Date(due.getTime() + 86_400_000) }),
      input('TT', { returnedCount: 1 }),
      input('VP'),
      // Submitted, then returned and not approved again by the cut-off: submitted late, still missing.
      input('TC', { included: false, returnedCount: 1, firstSubmittedAt: new Date(due.getTime() + 3_600_000) }),
      input('TG', { included: false, firstSubmittedAt: null }),
    ]);
    expect(summary).toEqual({ units: 5, included: 3, missing: 2, onTime: 2, late: 2, returned: 3, afterCompletion: 0 });
    expect(rows.find((r) => r.unitCode === 'KT')).toEqual({
      unitCode: 'KT',
      unitName: 'Chi bộ KT',
      status: 'included',
      timeliness: 'late',
      firstSubmittedAt: new Date(due.getTime() + 86_400_000),
      returnedCount: 2,
    });
    expect(rows.find((r) => r.unitCode === 'TC')).toMatchObject({ status: 'missing', timeliness: 'late', returnedCount: 1 });
  });

  it('a report approved after the plan was completed is missing from it and late, whenever it was first submitted', () => {
    const { rows, summary } = completenessTable([
      input('A'),
      input('B', { included: false, afterCompletion: true }),
      input('C', { included: false, firstSubmittedAt: null }),
    ]);
    expect(rows.find((r) => r.unitCode === 'B')).toEqual({
      unitCode: 'B',
      unitName: 'Chi bộ B',
      status: 'missing',
      timeliness: 'late',
      firstSubmittedAt: new Date('2019-07-01T03:00:00Z'),
      returnedCount: 0,
      afterCompletion: true,
    });
    // The flag means nothing on a report that is in the approved report.
    expect(completenessTable([input('D', { afterCompletion: true })]).rows[0]).not.toHaveProperty('afterCompletion');
    expect(summary).toEqual({ units: 3, included: 1, missing: 2, onTime: 1, late: 1, returned: 0, afterCompletion: 1 });
  });

  it('orders rows by unit code whatever the input order, and leaves the input untouched', () => {
    const inputs = [input('KBNN-VP'), input('BVNN'), input('KBNN-KT')];
    const { rows } = completenessTable(inputs);
    expect(rows.map((r) => r.unitCode)).toEqual(['BVNN', 'KBNN-KT', 'KBNN-VP']);
    expect(inputs.map((i) => i.unitCode)).toEqual(['KBNN-VP', 'BVNN', 'KBNN-KT']);
  });

  it('an empty group gives an empty table with zero counts', () => {
    expect(completenessTable([])).toEqual({ rows: [], summary: { units: 0, included: 0, missing: 0, onTime: 0, late: 0, returned: 0, afterCompletion: 0 } });
  });
});
