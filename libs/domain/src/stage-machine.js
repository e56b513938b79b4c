"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findStage = findStage;
exports.firstStage = firstStage;
exports.nextStageKey = nextStageKey;
exports.returnStageKey = returnStageKey;
exports.isStageBefore = isStageBefore;
const types_1 = require("./types");
function findStage(workflow, key) {
    return workflow.stages.find((stage) => stage.key === key);
}
function firstStage(workflow) {
    return workflow.stages[0];
}
/** The stage after `key`, or `done` after the last one. */
function nextStageKey(workflow, key) {
    const index = workflow.stages.findIndex((stage) => stage.key === key);
    if (index < 0)
        throw new Error(`Unknown stage ${key}`);
    return workflow.stages[index + 1]?.key ?? types_1.DONE_STAGE;
}
/** Where a return from `key` sends the report: its `returnTo`, else the first draft stage. */
function returnStageKey(workflow, key) {
    const stage = findStage(workflow, key);
    if (!stage)
        throw new Error(`Unknown stage ${key}`);
    if (stage.returnTo)
        return stage.returnTo;
    const draft = workflow.stages.find((s) => s.kind === 'draft') ?? firstStage(workflow);
    return draft.key;
}
function isStageBefore(workflow, a, b) {
    const order = (key) => (key === types_1.DONE_STAGE ? workflow.stages.length : workflow.stages.findIndex((s) => s.key === key));
    return order(a) < order(b);
}
//# sourceMappingURL=stage-machine.js.map