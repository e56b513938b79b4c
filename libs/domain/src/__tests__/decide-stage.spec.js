"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const decide_stage_1 = require("../decide-stage");
describe('decideStage', () => {
    it('any: one approval is enough', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'any' }, { assigned: 3, approvals: 0, returns: 0 })).toBe('pending');
        expect((0, decide_stage_1.decideStage)({ type: 'any' }, { assigned: 3, approvals: 1, returns: 0 })).toBe('approved');
    });
    it('all: every assigned member', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'all' }, { assigned: 3, approvals: 2, returns: 0 })).toBe('pending');
        expect((0, decide_stage_1.decideStage)({ type: 'all' }, { assigned: 3, approvals: 3, returns: 0 })).toBe('approved');
    });
    it('majority is strictly more than half', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'majority' }, { assigned: 2, approvals: 1, returns: 0 })).toBe('pending');
        expect((0, decide_stage_1.decideStage)({ type: 'majority' }, { assigned: 2, approvals: 2, returns: 0 })).toBe('approved');
        expect((0, decide_stage_1.decideStage)({ type: 'majority' }, { assigned: 4, approvals: 2, returns: 0 })).toBe('pending');
        expect((0, decide_stage_1.decideStage)({ type: 'majority' }, { assigned: 5, approvals: 3, returns: 0 })).toBe('approved');
        expect((0, decide_stage_1.decideStage)({ type: 'majority' }, { assigned: 1, approvals: 1, returns: 0 })).toBe('approved');
    });
    it('quorum needs at least min approvals', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'quorum', min: 2 }, { assigned: 5, approvals: 1, returns: 0 })).toBe('pending');
        expect((0, decide_stage_1.decideStage)({ type: 'quorum', min: 2 }, { assigned: 5, approvals: 2, returns: 0 })).toBe('approved');
    });
    it('quorum larger than the committee is capped at its size', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'quorum', min: 5 }, { assigned: 2, approvals: 2, returns: 0 })).toBe('approved');
    });
    it('one return resolves the stage whatever the rule', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'all' }, { assigned: 3, approvals: 2, returns: 1 })).toBe('returned');
        expect((0, decide_stage_1.decideStage)({ type: 'any' }, { assigned: 3, approvals: 0, returns: 1 })).toBe('returned');
    });
    it('a stage nobody is assigned to is unassigned, not approved', () => {
        expect((0, decide_stage_1.decideStage)({ type: 'all' }, { assigned: 0, approvals: 0, returns: 0 })).toBe('unassigned');
        expect((0, decide_stage_1.decideStage)({ type: 'majority' }, { assigned: 0, approvals: 0, returns: 0 })).toBe('unassigned');
    });
});
//# sourceMappingURL=decide-stage.spec.js.map