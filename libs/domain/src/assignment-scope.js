"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scopeUnitId = scopeUnitId;
/**
 * The unit whose role holders act on a report in a stage: `self` the report's unit, `parent` its
 * parent, `root` the plan's root. A report directly under nothing (should not happen below a root)
 * falls back to the root so a stage is never assigned to no unit at all.
 */
function scopeUnitId(scope, placement) {
    switch (scope) {
        case 'self':
            return placement.unitId;
        case 'parent':
            return placement.parentId ?? placement.rootId;
        case 'root':
            return placement.rootId;
    }
}
//# sourceMappingURL=assignment-scope.js.map