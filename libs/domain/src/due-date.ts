import { UnitKind } from './types';

/** Deadlines of a plan: per unit kind, per stage key, an ISO 8601 instant with offset. */
export type PlanDeadlines = Partial<Record<UnitKind, Record<string, string>>>;

/** The due date of a unit kind's stage, or null when the plan sets none. */
export function dueAtFor(deadlines: PlanDeadlines, kind: UnitKind, stageKey: string): Date | null {
  const value = deadlines[kind]?.[stageKey];
  return value ? new Date(value) : null;
}

export function isOverdue(dueAt: Date | null, now: Date, finished: boolean): boolean {
  return !finished && dueAt !== null && dueAt.getTime() < now.getTime();
}
