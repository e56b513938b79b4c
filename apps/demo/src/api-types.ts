/**
 * The parts of the HTTP contract the demo reads: aliases of the types generated from the OpenAPI
 * document (libs/contract, `npm run contract`).
 */
import type { components } from '@app/contract';

type Schemas = components['schemas'];

export type Rule = Schemas['StageRuleDto'];
export type StageDef = Schemas['StageDto'];
export type WorkflowDef = Schemas['WorkflowView'];
/** The texts an outline item can take: its one text, or some of the five parts. */
export type SectionPart = Schemas['ReportSectionView']['takes'][number];
export type Section = Schemas['ReportSectionView'];
export type Report = Schemas['ReportView'];
export type Task = Schemas['TaskView'];
export type Notification = Schemas['NotificationView'];
export type Progress = Schemas['ProgressView'];
export type Consolidated = Schemas['ConsolidatedView'];
export type AuditEvent = Schemas['TrailEventView'];
