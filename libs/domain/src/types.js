"use strict";
// Shared vocabulary of the domain. Identifiers are English; texts people read are Vietnamese.
Object.defineProperty(exports, "__esModule", { value: true });
exports.DECISIONS = exports.TASK_STATES = exports.REPORT_PARTS = exports.DONE_STAGE = exports.RULE_TYPES = exports.SCOPES = exports.STAGE_KINDS = exports.ROLES = exports.UNIT_KINDS = void 0;
exports.UNIT_KINDS = ['bloc', 'upper', 'grassroots', 'cell'];
exports.ROLES = ['drafter', 'approver', 'reviewer', 'consolidator', 'admin'];
exports.STAGE_KINDS = ['draft', 'approval', 'consolidation'];
exports.SCOPES = ['self', 'parent', 'root'];
exports.RULE_TYPES = ['any', 'all', 'majority', 'quorum'];
/** The pseudo-stage a report reaches after the last stage. */
exports.DONE_STAGE = 'done';
exports.REPORT_PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'];
exports.TASK_STATES = ['open', 'completed', 'cancelled'];
exports.DECISIONS = ['approve', 'return', 'submit'];
//# sourceMappingURL=types.js.map