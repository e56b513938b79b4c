"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dueAtFor = dueAtFor;
exports.isOverdue = isOverdue;
/** The due date of a unit kind's stage, or null when the plan sets none. */
function dueAtFor(deadlines, kind, stageKey) {
    const value = deadlines[kind]?.[stageKey];
    return value ? new Date(value) : null;
}
function isOverdue(dueAt, now, finished) {
    return !finished && dueAt !== null && dueAt.getTime() < now.getTime();
}
//# sourceMappingURL=due-date.js.map