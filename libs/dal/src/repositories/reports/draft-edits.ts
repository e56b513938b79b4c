import type { Indicators, SectionMap } from '@app/domain';
import { Queryable } from '../queryable';

/**
 * A drafter's edit of the report as read at `version`. The texts sent for one outline item are merged
 * into what the report holds when the statement runs, so edits of other items (or other texts of the
 * same item) made meanwhile stay. Figures are checked together, so a figures edit replaces them only
 * if they are still those it was checked against.
 */
export type DraftContentEdit = { kind: 'section'; key: string; partsJson: string } | { kind: 'indicators'; json: string; asReadJson: string };

export interface DraftEdit {
  reportId: string;
  /** The report's version, stage and round when it was read: a submission or a move since refuses the edit. */
  version: number;
  stage: string;
  round: number;
  content: DraftContentEdit;
  userId: string;
  username: string;
  action: string;
  planId: string;
  auditData: Record<string, unknown>;
}

/**
 * Writes a drafter's edit and its audit event in one statement, only if the user is a drafter of the
 * report's unit, the round's drafting task is still open and the report has not been submitted or
 * moved since it was read. Undefined when one of those fails: the caller reads again to say which
 * (404, 403 or 409) or to retry.
 *
 * No explicit transaction is needed: one statement is atomic. The version check is what keeps a
 * submission out: it bumps the version under the report's row lock, and PostgreSQL re-checks the
 * row's own columns (not the EXISTS, which see the statement's snapshot) after waiting for that lock.
 * Edits themselves leave the version alone, so that a drafter's edits sent at once do not refuse
 * each other.
 */
export async function saveDraftEdit(db: Queryable, edit: DraftEdit): Promise<{ sections: SectionMap; indicators: Indicators; updated_at: Date } | undefined> {
  const { content } = edit;
  const change =
    content.kind === 'section'
      ? {
          set: `sections = jsonb_set(r.sections, ARRAY[$11::text], coalesce(r.sections -> $11::text, '{}'::jsonb) || $2::jsonb)`,
          guard: '',
          extra: content.key,
        }
      : { set: 'indicators = $2::jsonb', guard: 'AND r.indicators = $11::jsonb', extra: content.asReadJson };
  const [saved]: { sections: SectionMap; indicators: Indicators; updated_at: Date }[] = await db.query(
    `WITH changed AS (
       UPDATE reports r SET ${change.set}, updated_at = now()
        WHERE r.id = $1 AND r.version = $3 AND r.stage = $4 AND r.round = $5 ${change.guard}
          AND EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = $6 AND ra.unit_id = r.unit_id AND ra.role = 'drafter')
          AND EXISTS (SELECT 1 FROM tasks t WHERE t.report_id = r.id AND t.stage = r.stage AND t.round = r.round AND t.kind = 'draft' AND t.state = 'open')
       RETURNING r.id, r.sections, r.indicators, r.updated_at
     ), audited AS (
       INSERT INTO audit_events (actor_id, actor, action, plan_id, report_id, from_stage, data)
       SELECT $6, $7, $8, $9, id, $4, $10::jsonb FROM changed
     )
     SELECT sections, indicators, updated_at FROM changed`,
    [
      edit.reportId,
      content.kind === 'section' ? content.partsJson : content.json,
      edit.version,
      edit.stage,
      edit.round,
      edit.userId,
      edit.username,
      edit.action,
      edit.planId,
      JSON.stringify(edit.auditData),
      change.extra,
    ],
  );
  return saved;
}

/** A submission freezes the content: the version it bumps refuses every edit read before it. */
export async function bumpReportVersion(db: Queryable, reportId: string): Promise<void> {
  await db.query(`UPDATE reports SET version = version + 1 WHERE id = $1`, [reportId]);
}
