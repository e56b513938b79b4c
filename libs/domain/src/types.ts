// Shared vocabulary of the domain. Identifiers are English; texts people read are Vietnamese.

export const UNIT_KINDS = ['bloc', 'upper', 'grassroots', 'cell'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ['drafter', 'approver', 'reviewer', 'consolidator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAGE_KINDS = ['draft', 'approval', 'consolidation'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const SCOPES = ['self', 'parent', 'root'] as const;
export type Scope = (typeof SCOPES)[number];

export const RULE_TYPES = ['any', 'all', 'majority', 'quorum'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export interface ApprovalRule {
  type: RuleType;
  /** Only for `quorum`: the least number of approvals. */
  min?: number;
}

export interface StageDefinition {
  key: string;
  name: string;
  kind: StageKind;
  role: Role;
  scope: Scope;
  rule: ApprovalRule;
  /** Where a return sends the report; defaults to the first draft stage. */
  returnTo?: string;
  /** The stage's own due date, as a duration after the report enters it (used when the plan sets none). */
  dueAfter?: string;
  /** The stage's own reminders, overriding the plan's. */
  reminders?: { before: string[]; escalateAfter?: string };
}

export interface WorkflowDefinition {
  key: string;
  version: number;
  stages: StageDefinition[];
}

/** The pseudo-stage a report reaches after the last stage. */
export const DONE_STAGE = 'done';

/**
 * The plan-level stage after consolidation: the root's Standing Committee (its reviewers) approves
 * the consolidated report, by majority, before the plan is done.
 */
export const ROOT_APPROVAL_STAGE = 'root_approval';

/** The five parts every outline item took in the earlier outline (and still does in plans made with it). */
export const REPORT_PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];
/** Every text an outline item can take: one text (`text`), or some of the five parts. */
export const SECTION_PARTS = ['text', ...REPORT_PARTS] as const;
export type SectionPart = (typeof SECTION_PARTS)[number];
export type SectionContent = Partial<Record<SectionPart, string>>;
export type SectionMap = Record<string, SectionContent>;

/** The parts of a summary report, in the order the đề cương has them (I–V; the appendix holds the figures). */
export const OUTLINE_PARTS = ['I', 'II', 'III', 'IV', 'V'] as const;
export type OutlinePart = (typeof OUTLINE_PARTS)[number];

export interface OutlineSection {
  key: string;
  title: string;
  required: boolean;
  /** The part of the report (I–V) the item belongs to; absent in plans made with the earlier outline. */
  part?: OutlinePart;
  /** The texts the item takes; absent, the five parts of the earlier outline. */
  takes?: SectionPart[];
  /** A short text shown to the writer beside the editor. */
  guidance?: string;
}

/** A report's figures; a figure not reported is absent (never 0). */
export type Indicators = Record<string, number>;

export const TASK_STATES = ['open', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const DECISIONS = ['approve', 'return', 'submit'] as const;
export type Decision = (typeof DECISIONS)[number];
