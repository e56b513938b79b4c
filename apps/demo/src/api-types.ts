/** The parts of the HTTP contract (docs/api.md) the demo reads. */

export interface Rule {
  type: 'any' | 'all' | 'majority' | 'quorum';
  min?: number;
}

export interface StageDef {
  key: string;
  name: string;
  kind: 'draft' | 'approval' | 'consolidation';
  role: string;
  scope: 'self' | 'parent' | 'root';
  rule: Rule;
  returnTo?: string;
}

export interface WorkflowDef {
  key: string;
  version: number;
  stages: StageDef[];
}

/** The texts an outline item can take: its one text, or some of the five parts. */
export type SectionPart = 'text' | 'strengths' | 'limitations' | 'causes' | 'lessons' | 'directions';

export interface Section {
  key: string;
  title: string;
  /** The part of the report (I–V), absent in plans made with the five-part outline. */
  part?: string;
  /** The texts this item takes; the others are refused. */
  takes: SectionPart[];
  guidance?: string;
  text: string;
  strengths: string;
  limitations: string;
  causes: string;
  lessons: string;
  directions: string;
}

export interface Report {
  id: string;
  planId: string;
  unitId: string;
  unitCode: string;
  stage: string;
  workflowVersion: number;
  returnedCount: number;
  lastReturnReason: string | null;
  sections: Section[];
}

export interface Task {
  id: string;
  reportId: string | null;
  unitCode: string;
  stage: string;
  kind: string;
  state: string;
  dueAt: string | null;
  completedAt?: string | null;
}

export interface Notification {
  id: string;
  kind: 'reminder' | 'escalation' | 'digest' | 'consolidation' | 'task' | 'return' | 'adoption' | 'delegation';
  title: string;
  body: string;
  reportId: string | null;
  taskId: string | null;
  /** The web app's page that acts on it. */
  link?: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Progress {
  total: number;
  byStage: Record<string, number>;
  overdue: number;
  units: { unitId: string; unitCode: string; reportId: string; stage: string; dueAt: string | null; overdue: boolean }[];
}

export interface Consolidated {
  unitCode: string;
  included: string[];
  missing: string[];
  sections: { key: string; title: string; takes: SectionPart[]; parts: Record<string, { unitCode: string; unitName: string; text: string }[]> }[];
  indicators: Record<string, number>;
}

export interface AuditEvent {
  at: string;
  actor: unknown;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
}
