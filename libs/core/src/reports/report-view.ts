import type { OutlineSection, ReportPart, SectionMap } from '@app/domain';
import { REPORT_PARTS } from '@app/domain';

export interface ReportRow {
  id: string;
  plan_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  stage: string;
  workflow_version: number;
  round: number;
  returned_count: number;
  last_return_reason: string | null;
  sections: SectionMap;
  indicators: Record<string, number>;
  unassigned: boolean;
  due_at: Date | null;
  stage_entered_at: Date;
  updated_at: Date;
  outline: OutlineSection[];
}

export const REPORT_SELECT = `
  SELECT r.id, r.plan_id, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.stage, r.workflow_version, r.round,
         r.returned_count, r.last_return_reason, r.sections, r.indicators, r.unassigned, r.due_at, r.stage_entered_at, r.updated_at,
         p.outline
    FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id`;

/** The list view leaves out the section texts: a Bloc has thousands of reports. */
export function toReportSummary(row: Omit<ReportRow, 'sections' | 'outline'>) {
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
    dueAt: row.due_at,
    indicators: row.indicators,
    updatedAt: row.updated_at,
  };
}

/** The contract's report shape: sections in outline order, each with its five parts. */
export function toReportView(row: ReportRow) {
  return {
    ...toReportSummary(row),
    stageEnteredAt: row.stage_entered_at,
    sections: row.outline.map((section) => ({
      key: section.key,
      title: section.title,
      required: section.required,
      ...(Object.fromEntries(REPORT_PARTS.map((part) => [part, row.sections[section.key]?.[part] ?? ''])) as Record<ReportPart, string>),
    })),
  };
}
