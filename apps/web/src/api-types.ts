/** The shapes the engine's HTTP API answers with (docs/api.md and the OpenAPI document at /docs-json). */
export const PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const;
export type Part = (typeof PARTS)[number];
export type Role = 'drafter' | 'approver' | 'reviewer' | 'consolidator' | 'admin';
export type UnitKind = 'bloc' | 'upper' | 'grassroots' | 'cell';

export interface Me {
  id: string;
  username: string;
  fullName: string;
  email: string;
  roles: { unitId: string; unitCode: string; role: Role }[];
  /** Positions (chức vụ) held, one per unit. */
  positions?: UserPosition[];
}

export interface LoginAnswer {
  accessToken: string;
  user: unknown;
}

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  planId?: string | null;
  reportId?: string | null;
  taskId?: string | null;
  /** The page that acts on it (a path of this app). */
  link?: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Task {
  id: string;
  planId: string;
  reportId: string | null;
  unitCode: string;
  unitName?: string;
  unitKind?: UnitKind;
  stage: string;
  kind: 'draft' | 'approval' | 'consolidation';
  role?: Role;
  state: 'open' | 'completed' | 'cancelled';
  decision?: string | null;
  comment?: string | null;
  dueAt: string | null;
  createdAt: string;
  assignee?: string;
}

export type SectionParts = Record<Part, string>;

export interface ReportSection extends SectionParts {
  key: string;
  title: string;
  required: boolean;
  /** The part of the report (I–V); absent in plans made with the five-part outline. */
  part?: OutlinePart;
  /** The texts the item takes: its one text, or some of the five parts. */
  takes: ItemText[];
  /** What the writer is asked to write, shown beside the editor. */
  guidance?: string;
  /** The one text of an item that takes one ('' otherwise). */
  text: string;
}

export interface Report {
  id: string;
  planId: string;
  unitId: string;
  unitCode: string;
  unitName?: string;
  stage: string;
  workflowVersion: number;
  returnedCount: number;
  lastReturnReason: string | null;
  dueAt?: string | null;
  /** The figures as entered: a figure not reported is absent (never 0). */
  indicators: Record<string, number>;
  /** Percentages computed from the figures entered, never entered themselves. */
  derivedIndicators?: Record<string, number>;
  updatedAt: string;
  sections?: ReportSection[];
}

export interface ReportEvent {
  at: string;
  actor: string;
  /** The full name of who acted; null for the engine. */
  actorName?: string | null;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
}

export interface ReportVersion {
  seq: number;
  round: number;
  sections: Record<string, Partial<SectionParts>>;
  indicators: Record<string, number>;
  submittedAt: string;
  submittedBy: string;
}

export type PlanDeadlines = Partial<Record<UnitKind, Record<string, string>>>;

export interface Plan {
  id: string;
  code: string;
  title: string;
  term: string;
  status: 'draft' | 'launching' | 'launched' | 'completed';
  rootUnitId: string;
  workflowKey: string;
  workflowVersion: number;
  outline: { key: string; title: string; required: boolean; part?: OutlinePart; takes?: ItemText[]; guidance?: string }[];
  indicatorNames: string[];
  /** The plan's figures: kind, unit of measure, label, appendix table. */
  indicatorDefinitions?: FigureDefinition[];
  /** The appendix tables, each with its figures in column order. */
  indicatorGroups?: FigureGroup[];
  deadlines: PlanDeadlines;
}

export interface FigureGroup {
  key: string;
  title: string;
  keys: string[];
}

/** One bad cell of an uploaded spreadsheet, as Excel shows it. */
export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  key?: string;
  message: string;
}

export interface ProgressUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: UnitKind;
  parentId: string | null;
  reportId: string;
  stage: string;
  dueAt: string | null;
  overdue: boolean;
  returnedCount: number;
}

/** The latest plan-level task (the working group's consolidation, the Standing Committee's approval). */
export interface PlanTaskState {
  stage: string;
  round: number;
  open: number;
  done: number;
}

/** A consolidating unit's collection of the reports below it. */
export interface Collection {
  unitCode: string;
  status: string;
  cutOffAt: string | null;
  included: number;
  missing: string[];
  collectedAt: string | null;
}

/** A plan-level stage (the working group's consolidation, the Standing Committee's approval) and who can act on it. */
export interface PlanStageStatus {
  stage: string;
  round: number;
  state: 'not_started' | 'open' | 'deciding' | 'unassigned' | 'done';
  openTasks: number;
  votes: number;
  eligible: number;
  reason: { vi: string; en: string } | null;
}

export interface Progress {
  planId: string;
  status: string;
  total: number;
  byStage: Record<string, number>;
  byLevel: Partial<Record<UnitKind, Record<string, number>>>;
  overdue: number;
  consolidation: PlanTaskState | null;
  rootApproval: PlanTaskState | null;
  collections?: Collection[];
  overdueUnits: { unitCode: string; unitName?: string; reportId?: string; stage?: string; dueAt?: string | null }[];
  /** Report stages and plan-level stages nobody holds the role to act on. */
  unassigned?: { unitCode?: string; reportId: string | null; stage: string; level?: 'report' | 'plan' }[];
  planStages?: PlanStageStatus[];
  units: ProgressUnit[];
  /** The whole plan, or the units (with everything below them) the reader holds a role on. */
  scope?: { whole: boolean; units: { unitId: string; unitCode: string; unitName: string }[] };
}

export interface Consolidated {
  unitCode: string;
  unitName?: string;
  included: string[];
  missing: string[];
  sections: {
    key: string;
    title: string;
    part?: OutlinePart;
    takes?: ItemText[];
    parts: Partial<Record<ItemText, { unitCode: string; unitName?: string; text: string }[]>>;
  }[];
  /** The totals: a figure nobody reported is absent, percentages recomputed or averaged. */
  indicators: Record<string, number>;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
}

export type StageKind = 'draft' | 'approval' | 'consolidation';
export type Scope = 'self' | 'parent' | 'root';
export type RuleType = 'any' | 'all' | 'majority' | 'quorum';

export interface Stage {
  key: string;
  name: string;
  kind: StageKind;
  role: Role;
  scope: Scope;
  rule: { type: RuleType; min?: number };
  returnTo?: string;
  dueAfter?: string;
  reminders?: { before: string[]; escalateAfter?: string };
}

export interface Workflow {
  key: string;
  version: number;
  stages: Stage[];
  createdAt?: string;
}

export interface MigrationPreview {
  dryRun: true;
  toVersion: number;
  reports: {
    reportId: string;
    unitCode: string;
    fromVersion: number;
    fromStage: string;
    toStage: string | null;
    action: 'unchanged' | 'redecide' | 'move' | 'finished';
    cancelTasks: { taskId: string; assignee: string; stage: string }[];
    createTasks: { assignee: string; role: string; stage: string }[];
  }[];
  unmappable: { reportId: string; unitCode: string; stage: string; reason: string }[];
}

export interface Migration {
  id: string;
  planId: string;
  toVersion: number;
  status: 'running' | 'completed' | 'failed';
  total: number;
  migrated: number;
  untouched: number;
  unmappable: { unitCode: string; stage: string; reason: string }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  email: string;
  /** False once an administrator deactivated the account. */
  active: boolean;
  roles: { unitId: string; unitCode: string; role: Role }[];
  /** Positions (chức vụ) held, one per unit. */
  positions?: UserPosition[];
}

/** Every text an outline item can take: its one text (`text`), or some of the five parts. */
export type ItemText = 'text' | Part;
export type OutlinePart = 'I' | 'II' | 'III' | 'IV' | 'V';

/** An outline item of a level's report with the texts it takes (GET /api/plans/:id/level-report). */
export interface LevelItem {
  key: string;
  title: string;
  required: boolean;
  part?: OutlinePart;
  guidance?: string;
  takes: ItemText[];
  parts: Partial<Record<ItemText, string>>;
}

/** The Khối's own report, written by its working group and adopted by the Standing Committee. */
export interface LevelReport {
  id: string;
  planId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  status: 'drafting' | 'submitted' | 'adopted';
  round: number;
  version: number;
  returnedCount: number;
  lastReturnReason: string | null;
  updatedAt: string;
  updatedBy: string | null;
  submittedAt: string | null;
  adoptedAt: string | null;
  sections: LevelItem[];
  indicators: Record<string, number>;
  derivedIndicators: Record<string, number>;
  sums: Record<string, number>;
  canEdit: boolean;
  canSubmit: boolean;
}

export interface LevelUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: UnitKind;
}

/** One unit's approved texts of an item, beside the editor. */
export interface LevelSource extends LevelUnit {
  citedAs: string;
  reportId: string;
  parts: Partial<Record<ItemText, string>>;
}

export interface LevelSources {
  level: LevelUnit;
  total: number;
  from: number;
  limit: number;
  next: number | null;
  units: (LevelUnit & { citedAs: string })[];
  sections: { key: string; title: string; takes: ItemText[]; sources: LevelSource[] }[];
}

export interface FigureDefinition {
  key: string;
  label: string;
  kind: 'count' | 'decimal' | 'percent';
  unit: string;
  group: string;
  derivedFrom?: { numerator: string; denominator: string };
}

export interface LevelFigures {
  level: LevelUnit;
  units: number;
  definitions: FigureDefinition[];
  groups: { key: string; title: string; keys: string[] }[];
  totals: Record<string, number>;
  reported: Record<string, number>;
  breakdown?: { indicator: string; units: { unitCode: string; unitName: string; value: number }[] };
}

export interface CompletenessRow {
  unitCode: string;
  unitName: string;
  status: 'included' | 'missing';
  timeliness: 'on_time' | 'late' | 'not_submitted';
  firstSubmittedAt: string | null;
  returnedCount: number;
  afterCompletion?: true;
}

export interface LevelCompleteness {
  level: LevelUnit;
  included: number;
  missing: string[];
  completeness: { rows: CompletenessRow[]; summary: Record<string, number> };
}

/** A version of a level's report as submitted (GET …/level-report/versions, or a report's versions). */
export interface LevelVersion {
  seq: number;
  round: number;
  sections: Record<string, Partial<Record<ItemText, string>>>;
  indicators: Record<string, number>;
  submittedAt: string;
  submittedBy: string;
}

/** A position (chức vụ) in a unit: Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Cấp ủy viên, Đảng viên. */
export type Position = 'bi_thu' | 'pho_bi_thu' | 'uv_btv' | 'cap_uy_vien' | 'dang_vien';

export interface UserPosition {
  unitId: string;
  unitCode: string;
  unitName: string;
  position: Position;
}

/** A report's adoption (thông qua): its number, date, place and signer, fixed once recorded. */
export interface Adoption {
  id: string;
  unitCode: string;
  reportId: string | null;
  number: number;
  symbol: string;
  /** yyyy-mm-dd, the day in Viet Nam. */
  adoptedOn: string;
  adoptedAt: string;
  place: string;
  signer: {
    username: string | null;
    fullName: string;
    position: 'bi_thu' | 'pho_bi_thu' | null;
    title: string | null;
    how: 'chosen' | 'secretary' | 'deputy' | 'vacant';
  };
  supersededAt: string | null;
  supersededReason: string | null;
}

export interface Adoptions {
  current: Adoption | null;
  history: Adoption[];
}

/** Whom the holder of a task may name to sign the adopted document (GET /api/tasks/:id/signers). */
export interface TaskSigners {
  adopting: boolean;
  unitCode: string;
  unitName: string;
  signers: { username: string; fullName: string; position: Position; title: string }[];
  defaultSigner: string | null;
}

/** One problem of an uploaded organisation workbook, placed as in Excel; row and column null for a whole sheet or file. */
export interface SheetProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  heading: string | null;
  cell: string | null;
  message: string;
}

export interface ImportRoleRef {
  /** null: the administrator's role held everywhere. */
  unit: string | null;
  role: Role;
}

export interface ImportPositionRef {
  unit: string;
  position: Position;
}

export interface ImportUnitFields {
  name?: string;
  kind?: UnitKind;
  parent?: string | null;
  place?: string;
}

export interface ImportUserFields {
  fullName?: string;
  email?: string;
}

/** A unit or person an import creates or changes: only the fields that change, before and after. */
export interface ImportUnitChange {
  code: string;
  change: 'created' | 'changed';
  before?: ImportUnitFields;
  after: ImportUnitFields;
}

export interface ImportUserChange {
  username: string;
  change: 'created' | 'changed';
  before?: ImportUserFields;
  after: ImportUserFields;
  rolesAdded?: ImportRoleRef[];
  rolesRemoved?: ImportRoleRef[];
  positionsAdded?: ImportPositionRef[];
  positionsRemoved?: ImportPositionRef[];
}

export interface OrgImportCounts {
  unitsCreated: number;
  unitsChanged: number;
  usersCreated: number;
  usersChanged: number;
  rolesAdded: number;
  rolesRemoved: number;
  positionsAdded: number;
  positionsRemoved: number;
}

/** POST /api/org/import.xlsx?dryRun=true: what the file would change, and everything wrong with it; nothing written. */
export interface OrgWorkbookPreview {
  valid: boolean;
  units: number;
  users: number;
  counts: OrgImportCounts & { unitsNotInFile: number; usersNotInFile: number };
  changes: { units: ImportUnitChange[]; users: ImportUserChange[] };
  problems: SheetProblem[];
}

/** GET /api/org/imports/:id */
export interface OrgImportStatus {
  id: string;
  status: 'queued' | 'hashing' | 'applying' | 'done' | 'failed';
  progress: { done: number; total: number };
  units: number;
  users: number;
  result: (OrgImportCounts & { setPasswordLinks?: number }) | null;
  error: { statusCode: number; message: string } | null;
}

/** GET /api/plans/:id/recipients: the plan's own Nơi nhận per level and what each level's reports print. */
export interface PlanRecipientsView {
  id: string;
  recipients: Partial<Record<UnitKind, string[]>> | null;
  levels: { kind: UnitKind; exampleUnit: string; own: boolean; lines: string[] }[];
}
