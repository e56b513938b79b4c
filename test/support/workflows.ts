import { expectStatus, session } from './api';
import { E2eContext } from './harness';
import { waitFor } from '../kit/poll';

/** A stage of a workflow definition as POST /api/workflows/:key/versions takes it (api.md). */
export interface StageDef {
  key: string;
  name: string;
  kind: 'draft' | 'approval' | 'consolidation';
  role: string;
  scope: 'self' | 'parent' | 'root';
  rule: { type: string; min?: number };
  returnTo?: string;
  dueAfter?: string;
  reminders?: { before: string[]; escalateAfter?: string };
}

/** The built-in `tongket` (version 1), as domain.md draws it. */
export const TONGKET_V1: readonly StageDef[] = Object.freeze([
  { key: 'drafting', name: 'Dự thảo báo cáo', kind: 'draft', role: 'drafter', scope: 'self', rule: { type: 'any' } },
  { key: 'cell_approval', name: 'Chi bộ thông qua', kind: 'approval', role: 'approver', scope: 'self', rule: { type: 'majority' }, returnTo: 'drafting' },
  {
    key: 'committee_review',
    name: 'Cấp ủy cấp trên thẩm định',
    kind: 'approval',
    role: 'reviewer',
    scope: 'parent',
    rule: { type: 'any' },
    returnTo: 'drafting',
  },
  { key: 'consolidation', name: 'Tổng hợp ở Khối', kind: 'consolidation', role: 'consolidator', scope: 'root', rule: { type: 'any' } },
] as StageDef[]);

/** The Bloc's Organisation Board (its reviewers) checks every report after committee_review. */
export const ORG_PRECHECK: StageDef = {
  key: 'org_precheck',
  name: 'Ban Tổ chức Đảng ủy Khối kiểm tra',
  kind: 'approval',
  role: 'reviewer',
  scope: 'root',
  rule: { type: 'any' },
  returnTo: 'drafting',
};

/** `stages` with `stage` inserted right after the stage keyed `after`. */
export function insertAfter(stages: readonly StageDef[], after: string, stage: StageDef): StageDef[] {
  const at = stages.findIndex((s) => s.key === after);
  if (at < 0) throw new Error(`no stage ${after}`);
  return [...stages.slice(0, at + 1), stage, ...stages.slice(at + 1)];
}

export interface WorkflowDto {
  key: string;
  version: number;
  stages: StageDef[];
  createdBy?: string;
  createdAt?: string;
}

export async function createVersion(ctx: E2eContext, stages: readonly StageDef[], key = 'tongket', as = 'admin'): Promise<WorkflowDto> {
  const who = await session(ctx, as);
  return expectStatus(await who.post(`/api/workflows/${key}/versions`).send({ stages }), 201, `create ${key} version`).body as WorkflowDto;
}

export interface MigrationDto {
  id: string;
  planId: string;
  status: 'running' | 'completed' | 'failed';
  toVersion: number;
  total: number;
  migrated: number;
  untouched: number;
  unmappable: { reportId: string; unitCode: string; stage: string; reason: string }[];
  failures: { reportId: string; unitCode: string; stage: string; error: string; at: string }[];
  error: string | null;
  [field: string]: unknown;
}

export interface PreviewDto {
  dryRun: true;
  reports: {
    reportId: string;
    unitCode: string;
    fromVersion: number;
    fromStage: string;
    toStage: string | null;
    action: 'unchanged' | 'redecide' | 'move' | 'finished';
    /** For `redecide`: the stage decided again on its votes under the new rule; `toStage` is where that leaves the report. */
    outcome?: 'approved' | 'returned' | 'pending' | 'unassigned';
    cancelTasks: { taskId: string; assignee: string; stage: string }[];
    createTasks: { assignee: string; role: string; stage: string }[];
  }[];
  unmappable: { reportId: string; unitCode: string; stage: string; reason: string }[];
}

export interface MigrationBody {
  toVersion: number;
  stageMap?: Record<string, string>;
  dryRun?: boolean;
}

export async function previewMigration(ctx: E2eContext, planId: string, body: Omit<MigrationBody, 'dryRun'>): Promise<PreviewDto> {
  const admin = await session(ctx, 'admin');
  return expectStatus(await admin.post(`/api/plans/${planId}/migrations`).send({ ...body, dryRun: true }), 200, 'dry run').body as PreviewDto;
}

export async function startMigration(ctx: E2eContext, planId: string, body: Omit<MigrationBody, 'dryRun'>, as = 'admin'): Promise<MigrationDto> {
  const admin = await session(ctx, as);
  return expectStatus(await admin.post(`/api/plans/${planId}/migrations`).send(body), 202, 'migration').body as MigrationDto;
}

export async function getMigration(ctx: E2eContext, id: string): Promise<MigrationDto> {
  const admin = await session(ctx, 'admin');
  return expectStatus(await admin.get(`/api/migrations/${id}`), 200, 'migration progress').body as MigrationDto;
}

export async function waitForMigration(ctx: E2eContext, id: string, timeoutMs = 20_000): Promise<MigrationDto> {
  return waitFor(
    async () => {
      const m = await getMigration(ctx, id);
      // Thrown, so the timeout message shows the last progress seen.
      if (m.status !== 'completed') throw new Error(`status ${m.status}, ${m.migrated} migrated + ${m.untouched} untouched of ${m.total}`);
      return m;
    },
    { timeoutMs, what: `migration ${id} completed` },
  );
}

/** Reads the plan's reports, tasks and audit events straight from the schema, for "nothing changed" checks. */
export async function planState(ctx: E2eContext, planId: string) {
  const reports = await ctx.db.query(`SELECT * FROM reports WHERE plan_id = $1 ORDER BY id`, [planId]);
  const tasks = await ctx.db.query(`SELECT * FROM tasks WHERE plan_id = $1 ORDER BY id`, [planId]);
  const events = await ctx.db.query(`SELECT * FROM audit_events ORDER BY id`);
  const plans = await ctx.db.query(`SELECT * FROM plans WHERE id = $1`, [planId]);
  const migrations = await ctx.db.query(`SELECT * FROM workflow_migrations WHERE plan_id = $1`, [planId]);
  return { reports: reports.rows, tasks: tasks.rows, events: events.rows, plans: plans.rows, migrations: migrations.rows };
}

/** The 'migrate' audit events of a plan, with their data (the HTTP trail leaves the data out). */
export async function migrateEvents(ctx: E2eContext, planId: string) {
  const { rows } = await ctx.db.query<{
    report_id: string;
    actor: string;
    from_stage: string;
    to_stage: string | null;
    data: { fromVersion: number; toVersion: number; action: string; migrationId: string };
  }>(`SELECT report_id, actor, from_stage, to_stage, data FROM audit_events WHERE action = 'migrate' AND plan_id = $1 ORDER BY id`, [planId]);
  return rows;
}
