"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const default_workflow_1 = require("../default-workflow");
const stage_machine_1 = require("../stage-machine");
describe('stage machine of tongket', () => {
    it('runs drafting, cell_approval, committee_review, consolidation, done', () => {
        expect((0, stage_machine_1.firstStage)(default_workflow_1.DEFAULT_WORKFLOW).key).toBe('drafting');
        expect((0, stage_machine_1.nextStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'drafting')).toBe('cell_approval');
        expect((0, stage_machine_1.nextStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'cell_approval')).toBe('committee_review');
        expect((0, stage_machine_1.nextStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'committee_review')).toBe('consolidation');
        expect((0, stage_machine_1.nextStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'consolidation')).toBe('done');
    });
    it('returns to drafting from both approval stages', () => {
        expect((0, stage_machine_1.returnStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'cell_approval')).toBe('drafting');
        expect((0, stage_machine_1.returnStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'committee_review')).toBe('drafting');
    });
    it('defaults a return without returnTo to the first draft stage', () => {
        const workflow = {
            key: 'x',
            version: 1,
            stages: [
                { key: 'write', name: 'w', kind: 'draft', role: 'drafter', scope: 'self', rule: { type: 'any' } },
                { key: 'check', name: 'c', kind: 'approval', role: 'approver', scope: 'self', rule: { type: 'all' } },
            ],
        };
        expect((0, stage_machine_1.returnStageKey)(workflow, 'check')).toBe('write');
    });
    it('uses the defaults of the domain page for rules', () => {
        expect((0, stage_machine_1.findStage)(default_workflow_1.DEFAULT_WORKFLOW, 'cell_approval')?.rule.type).toBe('majority');
        expect((0, stage_machine_1.findStage)(default_workflow_1.DEFAULT_WORKFLOW, 'committee_review')?.rule.type).toBe('any');
        expect((0, stage_machine_1.findStage)(default_workflow_1.DEFAULT_WORKFLOW, 'committee_review')?.scope).toBe('parent');
        expect((0, stage_machine_1.findStage)(default_workflow_1.DEFAULT_WORKFLOW, 'consolidation')?.scope).toBe('root');
    });
    it('orders stages, with done last', () => {
        expect((0, stage_machine_1.isStageBefore)(default_workflow_1.DEFAULT_WORKFLOW, 'drafting', 'committee_review')).toBe(true);
        expect((0, stage_machine_1.isStageBefore)(default_workflow_1.DEFAULT_WORKFLOW, 'consolidation', 'done')).toBe(true);
        expect((0, stage_machine_1.isStageBefore)(default_workflow_1.DEFAULT_WORKFLOW, 'done', 'drafting')).toBe(false);
    });
    it('refuses unknown stages', () => {
        expect(() => (0, stage_machine_1.nextStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'nope')).toThrow('Unknown stage nope');
        expect(() => (0, stage_machine_1.returnStageKey)(default_workflow_1.DEFAULT_WORKFLOW, 'nope')).toThrow('Unknown stage nope');
    });
});
//# sourceMappingURL=stage-machine.spec.js.map