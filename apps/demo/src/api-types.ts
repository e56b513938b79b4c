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

export interface Section {
  key: string;
  title: string;
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
  kind: 'reminder' | 'escalation' | 'digest';
  title: string;
  body: string;
  reportId: string | null;
  taskId: string | null;
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
  sections: { key: string; title: string; parts: Record<string, { unitCode: string; text: string }[]> }[];
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
