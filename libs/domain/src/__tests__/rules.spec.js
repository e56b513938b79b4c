"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const assignment_scope_1 = require("../assignment-scope");
const consolidate_1 = require("../consolidate");
const default_outline_1 = require("../default-outline");
const due_date_1 = require("../due-date");
const missing_sections_1 = require("../missing-sections");
const task_rules_1 = require("../task-rules");
describe('scopeUnitId', () => {
    const placement = { unitId: 'cell', parentId: 'upper', rootId: 'bloc' };
    it('maps self, parent and root', () => {
        expect((0, assignment_scope_1.scopeUnitId)('self', placement)).toBe('cell');
        expect((0, assignment_scope_1.scopeUnitId)('parent', placement)).toBe('upper');
        expect((0, assignment_scope_1.scopeUnitId)('root', placement)).toBe('bloc');
    });
    it('falls back to the root for a unit without parent', () => {
        expect((0, assignment_scope_1.scopeUnitId)('parent', { ...placement, parentId: null })).toBe('bloc');
    });
});
describe('dueAtFor', () => {
    const deadlines = { cell: { drafting: '2019-07-10T17:00:00+07:00' } };
    it('reads the deadline of the unit kind and stage', () => {
        expect((0, due_date_1.dueAtFor)(deadlines, 'cell', 'drafting')?.toISOString()).toBe('2019-07-10T10:00:00.000Z');
    });
    it('is null where the plan sets none', () => {
        expect((0, due_date_1.dueAtFor)(deadlines, 'upper', 'drafting')).toBeNull();
        expect((0, due_date_1.dueAtFor)(deadlines, 'cell', 'cell_approval')).toBeNull();
    });
    it('is overdue only while unfinished and past due', () => {
        const due = new Date('2019-07-10T10:00:00Z');
        expect((0, due_date_1.isOverdue)(due, new Date('2019-07-11T00:00:00Z'), false)).toBe(true);
        expect((0, due_date_1.isOverdue)(due, new Date('2019-07-11T00:00:00Z'), true)).toBe(false);
        expect((0, due_date_1.isOverdue)(due, new Date('2019-07-09T00:00:00Z'), false)).toBe(false);
        expect((0, due_date_1.isOverdue)(null, new Date(), false)).toBe(false);
    });
});
describe('missingSections', () => {
    it('lists required sections without strengths or limitations', () => {
        const sections = { political: { strengths: 'Tốt', limitations: 'Còn hạn chế' }, ideological: { strengths: 'Tốt', limitations: '  ' } };
        const missing = (0, missing_sections_1.missingSections)(default_outline_1.DEFAULT_OUTLINE, sections);
        expect(missing).not.toContain('political');
        expect(missing).toContain('ideological');
        expect(missing).toHaveLength(9);
    });
    it('ignores optional sections', () => {
        expect((0, missing_sections_1.missingSections)([{ key: 'a', title: 'A', required: false }], {})).toEqual([]);
    });
});
describe('consolidate', () => {
    const outline = [{ key: 'political', title: 'Chính trị', required: true }];
    it('attributes each unit text and sums indicators', () => {
        const result = (0, consolidate_1.consolidate)(outline, [
            { reportId: 'r2', unitCode: 'B', sections: { political: { strengths: 'Ưu điểm B' } }, indicators: { members_admitted: 2 } },
            { reportId: 'r1', unitCode: 'A', sections: { political: { strengths: 'Ưu điểm A', lessons: ' ' } }, indicators: { members_admitted: 3, lecturers: 1 } },
        ]);
        expect(result.included).toEqual(['r1', 'r2']);
        expect(result.sections[0].parts.strengths).toEqual([
            { unitCode: 'A', text: 'Ưu điểm A' },
            { unitCode: 'B', text: 'Ưu điểm B' },
        ]);
        expect(result.sections[0].parts.lessons).toEqual([]);
        expect(result.indicators).toEqual({ members_admitted: 5, lecturers: 1 });
    });
    it('sums nothing to an empty object', () => {
        expect((0, consolidate_1.sumIndicators)([])).toEqual({});
    });
});
describe('task rules', () => {
    const code = (fn) => {
        try {
            fn();
        }
        catch (error) {
            return error.code;
        }
        return 'ok';
    };
    it('refuses a second completion with a conflict', () => {
        expect(code(() => (0, task_rules_1.assertCanComplete)({ taskState: 'completed', stageKind: 'approval', decision: 'approve' }))).toBe('CONFLICT');
    });
    it('needs a comment to return', () => {
        expect(code(() => (0, task_rules_1.assertCanComplete)({ taskState: 'open', stageKind: 'approval', decision: 'return', comment: ' ' }))).toBe('RULE_REFUSED');
        expect(code(() => (0, task_rules_1.assertCanComplete)({ taskState: 'open', stageKind: 'approval', decision: 'return', comment: 'Thiếu số liệu' }))).toBe('ok');
    });
    it('does not complete drafting tasks or return consolidation', () => {
        expect(code(() => (0, task_rules_1.assertCanComplete)({ taskState: 'open', stageKind: 'draft', decision: 'approve' }))).toBe('RULE_REFUSED');
        expect(code(() => (0, task_rules_1.assertCanComplete)({ taskState: 'open', stageKind: 'consolidation', decision: 'return', comment: 'x' }))).toBe('RULE_REFUSED');
    });
    it('delegates only to another holder of the same role', () => {
        expect(code(() => (0, task_rules_1.assertCanDelegate)('open', false, false))).toBe('RULE_REFUSED');
        expect(code(() => (0, task_rules_1.assertCanDelegate)('open', true, true))).toBe('RULE_REFUSED');
        expect(code(() => (0, task_rules_1.assertCanDelegate)('cancelled', true, false))).toBe('CONFLICT');
        expect(code(() => (0, task_rules_1.assertCanDelegate)('open', true, false))).toBe('ok');
    });
});
//# sourceMappingURL=rules.spec.js.map