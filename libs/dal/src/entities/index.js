"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTITIES = void 0;
const audit_event_entity_1 = require("./audit-event.entity");
const org_unit_entity_1 = require("./org-unit.entity");
const plan_entity_1 = require("./plan.entity");
const report_snapshot_entity_1 = require("./report-snapshot.entity");
const report_entity_1 = require("./report.entity");
const role_assignment_entity_1 = require("./role-assignment.entity");
const task_entity_1 = require("./task.entity");
const user_entity_1 = require("./user.entity");
const workflow_definition_entity_1 = require("./workflow-definition.entity");
__exportStar(require("./audit-event.entity"), exports);
__exportStar(require("./org-unit.entity"), exports);
__exportStar(require("./plan.entity"), exports);
__exportStar(require("./report-snapshot.entity"), exports);
__exportStar(require("./report.entity"), exports);
__exportStar(require("./role-assignment.entity"), exports);
__exportStar(require("./task.entity"), exports);
__exportStar(require("./user.entity"), exports);
__exportStar(require("./workflow-definition.entity"), exports);
exports.ENTITIES = [
    audit_event_entity_1.AuditEventEntity,
    org_unit_entity_1.OrgUnitEntity,
    plan_entity_1.PlanEntity,
    report_entity_1.ReportEntity,
    report_snapshot_entity_1.ReportSnapshotEntity,
    role_assignment_entity_1.RoleAssignmentEntity,
    task_entity_1.TaskEntity,
    user_entity_1.UserEntity,
    workflow_definition_entity_1.WorkflowDefinitionEntity,
];
//# sourceMappingURL=index.js.map