"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decideStage = decideStage;
/**
 * Decides a stage from its votes. One return resolves the stage at once (api.md); "majority" is
 * strictly more than half of the assigned members (Party Charter art. 9, tập trung dân chủ).
 */
function decideStage(rule, tally) {
    if (tally.returns > 0)
        return 'returned';
    if (tally.assigned === 0)
        return 'unassigned';
    return isRuleMet(rule, tally) ? 'approved' : 'pending';
}
function isRuleMet(rule, { assigned, approvals }) {
    switch (rule.type) {
        case 'any':
            return approvals >= 1;
        case 'all':
            return approvals >= assigned;
        case 'majority':
            return approvals * 2 > assigned;
        case 'quorum':
            // A quorum larger than the committee can never be met by more votes than members: cap it,
            // so a shrunken committee is not stuck forever.
            return approvals >= Math.min(Math.max(rule.min ?? 1, 1), assigned);
    }
}
//# sourceMappingURL=decide-stage.js.map