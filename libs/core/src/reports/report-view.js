"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_SELECT = void 0;
exports.toReportView = toReportView;
exports.toReportSummary = toReportSummary;
const domain_1 = require("../../../domain/src/index.js");
exports.REPORT_SELECT = `
  SELECT r.id, r.plan_id, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.stage, r.workflow_version, r.round,
         r.returned_count, r.last_return_reason, r.sections, r.indicators, r.unassigned, r.stage_entered_at, r.updated_at,
         p.outline
    FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id`;
/** The contract's report shape: sections in outline order, each with its five parts. */
function toReportView(row) {
    return {
        id: row.id,
        planId: row.plan_id,
        unitId: row.unit_id,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        stage: row.stage,
        workflowVersion: row.workflow_version,
        returnedCount: row.returned_count,
        lastReturnReason: row.last_return_reason,
        unassigned: row.unassigned,
        stageEnteredAt: row.stage_entered_at,
        sections: row.outline.map((section) => ({
            key: section.key,
            title: section.title,
            required: section.required,
            ...Object.fromEntries(domain_1.REPORT_PARTS.map((part) => [part, row.sections[section.key]?.[part] ?? ''])),
        })),
        indicators: row.indicators,
        updatedAt: row.updated_at,
    };
}
/** The list view leaves out the section texts: a Bloc has thousands of reports. */
function toReportSummary(row) {
    return {
        id: row.id,
        planId: row.plan_id,
        unitId: row.unit_id,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        stage: row.stage,
        workflowVersion: row.workflow_version,
        returnedCount: row.returned_count,
        lastReturnReason: row.last_return_reason,
        unassigned: row.unassigned,
        indicators: row.indicators,
        updatedAt: row.updated_at,
    };
}
//# sourceMappingURL=report-view.js.map