/**
 * The shapes the engine's HTTP API answers with, as the web app names them: aliases of the types
 * generated from the OpenAPI document (libs/contract, `npm run contract`). Change a shape in the
 * API's DTOs, never here.
 */
import type { components } from '@app/contract';

type Schemas = components['schemas'];

export const PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const;
export type Part = (typeof PARTS)[number];
export type Role = Schemas['UserRoleView']['role'];
export type UnitKind = Schemas['OrgUnitView']['kind'];
/** Every text an outline item can take: its one text (`text`), or some of the five parts. */
export type ItemText = Schemas['ReportSectionView']['takes'][number];
export type OutlinePart = NonNullable<Schemas['ReportSectionView']['part']>;
/** A position (chức vụ) in a unit: Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Cấp ủy viên, Đảng viên. */
export type Position = Schemas['UserPositionView']['position'];

export type Me = Schemas['MeView'];
export type LoginAnswer = Schemas['LoginAnswerDto'];
export type Notice = Schemas['NotificationView'];
export type Task = Schemas['TaskView'];
export type SectionParts = Record<Part, string>;
export type ReportSection = Schemas['ReportSectionView'];
export type Report = Schemas['ReportView'];
export type ReportEvent = Schemas['TrailEventView'];
export type ReportVersion = Schemas['ReportVersionView'];
export type PlanDeadlines = Schemas['StoredPlanView']['deadlines'];
export type Plan = Schemas['PlanView'];
export type FigureGroup = Schemas['IndicatorGroupView'];
export type FigureDefinition = Schemas['IndicatorDefinitionView'];
/** One bad cell of an uploaded spreadsheet, as Excel shows it. */
export type CellProblem = Schemas['CellProblemView'];
export type ProgressUnit = Schemas['ProgressUnitView'];
/** The latest plan-level task (the working group's consolidation, the Standing Committee's approval). */
export type PlanTaskState = Schemas['PlanTaskCountsView'];
/** A consolidating unit's collection of the reports below it. */
export type Collection = Schemas['CollectionView'];
/** A plan-level stage (the working group's consolidation, the Standing Committee's approval) and who can act on it. */
export type PlanStageStatus = Schemas['PlanStageStatusView'];
export type Progress = Schemas['ProgressView'];
export type Consolidated = Schemas['ConsolidatedView'];
export type OrgUnit = Schemas['OrgUnitView'];

export type Stage = Schemas['StageDto'];
export type StageKind = Stage['kind'];
export type Scope = Stage['scope'];
export type RuleType = Stage['rule']['type'];
export type Workflow = Schemas['WorkflowView'];
/** A stored version with who made it and when (GET /api/workflows/:key/versions, and a new version's answer). */
export type WorkflowVersion = Schemas['WorkflowVersionView'];
export type MigrationPreview = Schemas['MigrationPreviewView'];
export type Migration = Schemas['MigrationView'];
export type User = Schemas['UserView'];
export type UserPosition = Schemas['UserPositionView'];

/** An outline item of a level's report with the texts it takes (GET /api/plans/:id/level-report). */
export type LevelItem = Schemas['LevelItemView'];
/** The Khối's own report, written by its working group and adopted by the Standing Committee. */
export type LevelReport = Schemas['LevelReportView'];
export type LevelUnit = Schemas['LevelUnitView'];
/** One unit's approved texts of an item, beside the editor. */
export type LevelSource = Schemas['LevelSourceView'];
export type LevelSources = Schemas['LevelSourcesView'];
export type LevelFigures = Schemas['LevelFiguresView'];
export type CompletenessRow = Schemas['CompletenessRowView'];
export type LevelCompleteness = Schemas['LevelCompletenessView'];
/** A version of a level's report as submitted (GET …/level-report/versions, or a report's versions). */
export type LevelVersion = Schemas['ReportVersionView'];

/** A report's adoption (thông qua): its number, date, place and signer, fixed once recorded. */
export type Adoption = Schemas['AdoptionDto'];
export type Adoptions = Schemas['AdoptionsDto'];
/** Whom the holder of a task may name to sign the adopted document (GET /api/tasks/:id/signers). */
export type TaskSigners = Schemas['TaskSignersDto'];

/** One problem of an uploaded organisation workbook, placed as in Excel; row and column null for a whole sheet or file. */
export type SheetProblem = Schemas['SheetProblemDto'];
export type ImportRoleRef = Schemas['ImportRoleRefView'];
export type ImportPositionRef = Schemas['ImportPositionRefView'];
export type ImportUnitFields = Schemas['ImportUnitFieldsView'];
export type ImportUserFields = Schemas['ImportUserFieldsView'];
/** A unit or person an import creates or changes: only the fields that change, before and after. */
export type ImportUnitChange = Schemas['ImportUnitChangeView'];
export type ImportUserChange = Schemas['ImportUserChangeView'];
/** POST /api/org/import.xlsx?dryRun=true: what the file would change, and everything wrong with it; nothing written. */
export type OrgWorkbookPreview = Schemas['OrgWorkbookPreviewDto'];
export type OrgImportCounts = OrgWorkbookPreview['counts'];
/** GET /api/org/imports/:id */
export type OrgImportStatus = Schemas['OrgImportStatusDto'];
/** GET /api/plans/:id/recipients: the plan's own Nơi nhận per level and what each level's reports print. */
export type PlanRecipientsView = Schemas['PlanRecipientsAnswerDto'];
