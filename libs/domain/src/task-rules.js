"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertCanComplete = assertCanComplete;
exports.assertCanDelegate = assertCanDelegate;
const domain_error_1 = require("./domain-error");
/** Checks a task completion against the rules; throws a coded error when refused. */
function assertCanComplete(request) {
    if (request.taskState !== 'open')
        throw (0, domain_error_1.conflict)(`Task is ${request.taskState}, not open`);
    if (request.stageKind === 'draft')
        throw (0, domain_error_1.refused)('A drafting task is completed by submitting the report');
    if (request.decision === 'return') {
        if (request.stageKind === 'consolidation')
            refusedReturnOfConsolidation();
        if (!request.comment || request.comment.trim().length === 0) {
            throw (0, domain_error_1.refused)('A return needs a comment giving the reason');
        }
    }
}
function refusedReturnOfConsolidation() {
    throw (0, domain_error_1.refused)('Consolidation cannot be returned; the committee above returns reports during its review');
}
/** Delegation keeps the role and the unit: only another holder of the same role there may take it. */
function assertCanDelegate(taskState, targetHoldsRole, sameUser) {
    if (taskState !== 'open')
        throw (0, domain_error_1.conflict)(`Task is ${taskState}, not open`);
    if (sameUser)
        throw (0, domain_error_1.refused)('The task already belongs to that user');
    if (!targetHoldsRole)
        throw (0, domain_error_1.refused)('The user must hold the same role for the same unit');
}
//# sourceMappingURL=task-rules.js.map