import { scopeUnitId } from '../assignment-scope';
import { consolidate } from '../consolidate';
import { DEFAULT_OUTLINE, FIVE_PART_OUTLINE } from '../default-outline';
import { planIndicators } from '../indicators';
import { DomainError } from '../domain-error';
import { collectionCutOff, dueAtFor, isOverdue, stageDueAt } from '../due-date';
import { missingSections } from '../missing-sections';
import { assertCanComplete, assertCanDelegate } from '../task-rules';

describe('scopeUnitId', () => {
  const placement = { unitId: 'cell', parentId: 'upper', rootId: 'bloc' };
  it('maps self, parent and root', () => {
    expect(scopeUnitId('self', placement)).toBe('cell');
    expect(scopeUnitId('parent', placement)).toBe('upper');
    expect(scopeUnitId('root', placement)).toBe('bloc');
  });
  it('falls back to the root for a unit without parent', () => {
    expect(scopeUnitId('parent', { ...placement, parentId: null })).toBe('bloc');
  });
});

describe('dueAtFor', () => {
  const deadlines = { cell: { drafting: '2019-07-10T17:00:00+07:00' } };
  it('reads the deadline of the unit kind and stage', () => {
    expect(dueAtFor(deadlines, 'cell', 'drafting')?.toISOString()).toBe('2019-07-10T10:00:00.000Z');
  });
  it('is null where the plan sets none', () => {
    expect(dueAtFor(deadlines, 'upper', 'drafting')).toBeNull();
    expect(dueAtFor(deadlines, 'cell', 'cell_approval')).toBeNull();
  });
  it('is overdue only while unfinished and past due', () => {
    const due = new Date('2019-07-10T10:00:00Z');
    expect(isOverdue(due, new Date('2019-07-11T00:00:00Z'), false)).toBe(true);
    expect(isOverdue(due, new Date('2019-07-11T00:00:00Z'), true)).toBe(false);
    expect(isOverdue(due, new Date('2019-07-09T00:00:00Z'), false)).toBe(false);
    expect(isOverdue(null, new Date(), false)).toBe(false);
  });
});

describe('collectionCutOff', () => {
  const deadlines = {
    bloc: { collection: '2019-09-10T17:00:00+07:00', consolidation: '2019-09-30T17:00:00+07:00' },
    upper: { consolidation: '2019-08-31T17:00:00+07:00' },
  };
  it('closes a collection at the data cut-off before the consolidation deadline', () => {
    expect(collectionCutOff(deadlines, 'bloc', 'bloc', 'consolidation')?.toISOString()).toBe('2019-09-10T10:00:00.000Z');
  });
  it("falls back to the kind's consolidation deadline, then the root kind's cut-off, then none", () => {
    expect(collectionCutOff(deadlines, 'upper', 'bloc', 'consolidation')?.toISOString()).toBe('2019-08-31T10:00:00.000Z');
    expect(collectionCutOff(deadlines, 'grassroots', 'bloc', 'consolidation')?.toISOString()).toBe('2019-09-10T10:00:00.000Z');
    expect(collectionCutOff({ bloc: { consolidation: '2019-09-30T17:00:00+07:00' } }, 'bloc', 'bloc', 'consolidation')?.toISOString()).toBe(
      '2019-09-30T10:00:00.000Z',
    );
    expect(collectionCutOff({}, 'bloc', 'bloc', 'consolidation')).toBeNull();
  });
});

describe('missingSections', () => {
  it('lists required sections without strengths or limitations', () => {
    const sections = { political: { strengths: 'Tốt', limitations: 'Còn hạn chế' }, ideological: { strengths: 'Tốt', limitations: '  ' } };
    const missing = missingSections(FIVE_PART_OUTLINE, sections);
    expect(missing).not.toContain('political');
    expect(missing).toContain('ideological');
    expect(missing).toHaveLength(9);
  });
  it('ignores optional sections', () => {
    expect(missingSections([{ key: 'a', title: 'A', required: false }], {})).toEqual([]);
  });
});

describe('consolidate', () => {
  const outline = [{ key: 'political', title: 'Chính trị', required: true }];
  const figures = planIndicators('2015-2020', ['members_admitted', 'lecturers']).definitions;
  it('attributes each unit text by code and name and adds up the figures reported', () => {
    const result = consolidate(
      outline,
      [
        { reportId: 'r2', unitCode: 'B', unitName: 'Chi bộ B', sections: { political: { strengths: 'Ưu điểm B' } }, indicators: { members_admitted: 2 } },
        {
          reportId: 'r1',
          unitCode: 'A',
          unitName: 'Chi bộ A',
          sections: { political: { strengths: 'Ưu điểm A', lessons: ' ' } },
          indicators: { members_admitted: 3, lecturers: 1 },
        },
      ],
      figures,
    );
    expect(result.included).toEqual(['r1', 'r2']);
    expect(result.sections[0].parts.strengths).toEqual([
      { unitCode: 'A', unitName: 'Chi bộ A', text: 'Ưu điểm A' },
      { unitCode: 'B', unitName: 'Chi bộ B', text: 'Ưu điểm B' },
    ]);
    expect(result.sections[0].parts.lessons).toEqual([]);
    expect(result.sections[0].takes).toEqual(['strengths', 'limitations', 'causes', 'lessons', 'directions']);
    expect(result.indicators).toEqual({ members_admitted: 5, lecturers: 1 });
  });
  it('carries the one text of an item of the đề cương, and only the texts the item takes', () => {
    const context = DEFAULT_OUTLINE[0];
    const result = consolidate(
      [context],
      [
        {
          reportId: 'r1',
          unitCode: 'A',
          unitName: 'Chi bộ A',
          sections: { context: { text: 'Chi bộ có 25 đảng viên.', strengths: 'không thuộc mục này' } },
          indicators: {},
        },
      ],
      figures,
    );
    expect(result.sections[0]).toMatchObject({ key: 'context', part: 'I', takes: ['text'] });
    expect(result.sections[0].parts.text).toEqual([{ unitCode: 'A', unitName: 'Chi bộ A', text: 'Chi bộ có 25 đảng viên.' }]);
    expect(result.sections[0].parts.strengths).toEqual([]);
  });
  it('adds up nothing to an empty object: a figure nobody reported is absent, never 0', () => {
    expect(consolidate(outline, [], figures).indicators).toEqual({});
    expect(consolidate(outline, [{ reportId: 'r', unitCode: 'A', unitName: 'A', sections: {}, indicators: { lecturers: 0 } }], figures).indicators).toEqual({
      lecturers: 0,
    });
  });
});

describe('task rules', () => {
  const code = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      return (error as DomainError).code;
    }
    return 'ok';
  };
  it('refuses a second completion with a conflict', () => {
    expect(code(() => assertCanComplete({ taskState: 'completed', stageKind: 'approval', decision: 'approve' }))).toBe('CONFLICT');
  });
  it('needs a comment to return', () => {
    expect(code(() => assertCanComplete({ taskState: 'open', stageKind: 'approval', decision: 'return', comment: ' ' }))).toBe('RULE_REFUSED');
    expect(code(() => assertCanComplete({ taskState: 'open', stageKind: 'approval', decision: 'return', comment: 'Thiếu số liệu' }))).toBe('ok');
  });
  it('does not complete drafting tasks or return consolidation', () => {
    expect(code(() => assertCanComplete({ taskState: 'open', stageKind: 'draft', decision: 'approve' }))).toBe('RULE_REFUSED');
    expect(code(() => assertCanComplete({ taskState: 'open', stageKind: 'consolidation', decision: 'return', comment: 'x' }))).toBe('RULE_REFUSED');
  });
  it('delegates only to another holder of the same role', () => {
    expect(code(() => assertCanDelegate('open', false, false))).toBe('RULE_REFUSED');
    expect(code(() => assertCanDelegate('open', true, true))).toBe('RULE_REFUSED');
    expect(code(() => assertCanDelegate('cancelled', true, false))).toBe('CONFLICT');
    expect(code(() => assertCanDelegate('open', true, false))).toBe('ok');
  });
});

describe('stageDueAt', () => {
  const deadlines = { cell: { drafting: '2019-07-10T17:00:00+07:00' }, bloc: { consolidation: '2019-09-30T17:00:00+07:00' } };
  const entered = new Date('2019-06-05T00:00:00Z');
  const unit = { kind: 'cell' as const, rootKind: 'bloc' as const };
  it('takes the plan deadline of the unit kind', () => {
    expect(stageDueAt(deadlines, { key: 'drafting', kind: 'draft' }, unit, entered)?.toISOString()).toBe('2019-07-10T10:00:00.000Z');
  });
  it('takes the root kind for consolidation', () => {
    expect(stageDueAt(deadlines, { key: 'consolidation', kind: 'consolidation' }, unit, entered)?.toISOString()).toBe('2019-09-30T10:00:00.000Z');
  });
  it('falls back to the stage dueAfter, then to none', () => {
    expect(stageDueAt(deadlines, { key: 'org_precheck', kind: 'approval', dueAfter: 'P5D' }, unit, entered)?.toISOString()).toBe('2019-06-10T00:00:00.000Z');
    expect(stageDueAt(deadlines, { key: 'org_precheck', kind: 'approval' }, unit, entered)).toBeNull();
  });
});
