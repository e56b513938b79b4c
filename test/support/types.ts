/** The answers of the HTTP contract (api.md), as far as the tests read them. */
export const PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const;
export type Part = (typeof PARTS)[number];

export interface ReportDto {
  id: string;
  planId: string;
  unitId: string;
  unitCode: string;
  stage: string;
  workflowVersion: number;
  returnedCount: number;
  lastReturnReason: string | null;
  sections: ({ key: string; title: string } & Partial<Record<Part, string | null>>)[];
  indicators: Record<string, number>;
  /** The due date of the report's current stage (issue 3), +07:00. */
  dueAt?: string | null;
  updatedAt: string;
}

export interface TaskDto {
  id: string;
  reportId: string | null;
  unitCode: string;
  stage: string;
  kind: 'draft' | 'approval' | 'consolidation';
  state: 'open' | 'completed' | 'cancelled';
  dueAt: string | null;
  createdAt: string;
}

export interface EventDto {
  at: string;
  actor: string;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
}

export interface PlanDto {
  id: string;
  code: string;
  status: 'draft' | 'launching' | 'launched' | 'completed';
  outline?: { key: string; title: string; required: boolean }[];
  [field: string]: unknown;
}

export interface ProgressDto {
  total: number;
  byStage: Record<string, number>;
  overdue: number;
  units: { unitId: string; unitCode: string; reportId: string; stage: string; dueAt: string | null; overdue: boolean }[];
}

export interface ConsolidatedDto {
  unitCode: string;
  included: string[];
  missing: string[];
  sections: { key: string; title: string; parts: Record<Part, { unitCode: string; text: string }[]> }[];
  indicators: Record<string, number>;
}
