/** The answers of the HTTP contract (api.md), as far as the tests read them. */
export const PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const;
export type Part = (typeof PARTS)[number];
/** Every text an outline item can take: its one text, or some of the five parts. */
export const TEXT_PARTS = ['text', ...PARTS] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

export interface ReportDto {
  id: string;
  planId: string;
  unitId: string;
  unitCode: string;
  stage: string;
  workflowVersion: number;
  returnedCount: number;
  lastReturnReason: string | null;
  sections: ({ key: string; title: string; required?: boolean; part?: string; takes: TextPart[]; guidance?: string } & Partial<
    Record<TextPart, string | null>
  >)[];
  indicators: Record<string, number>;
  /** Percentages computed from the figures entered, never entered themselves. */
  derivedIndicators?: Record<string, number>;
  /** The due date of the report's current stage, +07:00. */
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
  outline?: { key: string; title: string; required: boolean; part?: string; takes?: TextPart[]; guidance?: string }[];
  indicatorNames?: string[];
  indicatorDefinitions?: {
    key: string;
    label: string;
    kind: 'count' | 'decimal' | 'percent';
    unit: string;
    group: string;
    derivedFrom?: { numerator: string; denominator: string };
  }[];
  indicatorGroups?: { key: string; title: string; keys: string[] }[];
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
  sections: { key: string; title: string; part?: string; takes: TextPart[]; parts: Record<TextPart, { unitCode: string; unitName: string; text: string }[]> }[];
  indicators: Record<string, number>;
  indicatorBreakdown?: Record<string, { unitCode: string; unitName: string; value: number }[]>;
}
