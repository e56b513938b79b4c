import { HttpException } from '@nestjs/common';
import type { OrgImportRow, OrgImportStatus } from '@app/dal';
import { DomainError, DomainErrorCode } from '@app/domain';

export type { OrgImportStatus };
export const IMPORT_ENDED: readonly OrgImportStatus[] = ['done', 'failed'];

/** Why an import failed, as its error body would say it; `code` when the rules refused it. */
export interface ImportFailure {
  statusCode: number;
  message: string;
  code?: DomainErrorCode;
  details?: Record<string, unknown>;
}

/** An import as GET /api/org/imports/:id shows it. */
export interface OrgImportView {
  id: string;
  status: OrgImportStatus;
  /** Passwords checked or hashed so far, of the import's users. */
  progress: { done: number; total: number };
  units: number;
  users: number;
  actor: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Once done: the counts, with what was created and changed. */
  result: Record<string, unknown> | null;
  /** Once failed: why. */
  error: ImportFailure | null;
}

export function importView(row: OrgImportRow<ImportFailure>): OrgImportView {
  return {
    id: row.id,
    status: row.status,
    progress: { done: row.progress_done, total: row.users_total },
    units: row.units_total,
    users: row.users_total,
    actor: row.actor,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result,
    error: row.error,
  };
}

/** The failure as an error the API answers with: the same status and message as a synchronous refusal. */
export function importFailureError(failure: ImportFailure): Error {
  if (failure.code) return new DomainError(failure.code, failure.message, failure.details ?? {});
  return new HttpException({ statusCode: failure.statusCode, message: failure.message }, failure.statusCode);
}
