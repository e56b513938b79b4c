/**
 * The answers of the HTTP contract as the tests name them: aliases of the types generated from the
 * OpenAPI document (libs/contract, `npm run contract`).
 */
import type { components } from '@app/contract';

type Schemas = components['schemas'];

export const PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const;
export type Part = (typeof PARTS)[number];
/** Every text an outline item can take: its one text, or some of the five parts. */
export const TEXT_PARTS = ['text', ...PARTS] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

export type ReportDto = Schemas['ReportView'];
export type TaskDto = Schemas['TaskView'];
export type EventDto = Schemas['TrailEventView'];
export type PlanDto = Schemas['PlanView'];
export type ProgressDto = Schemas['ProgressView'];
export type ConsolidatedDto = Schemas['ConsolidatedView'];
