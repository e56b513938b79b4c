import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { applyFigureEdit, conflict, FigureEdit, forbidden, invalid, notFound, planIndicators, SectionContent } from '@app/domain';
import { partsRefusal } from './parts-refusal';
import { Actor } from '../common/actor';
import { AccessService } from '../org/access.service';
import { REPORT_SELECT, ReportRow, toReportSummary, toReportView } from './report-view';

export interface ReportFilter {
  planId?: string;
  unitId?: string;
  stage?: string;
}

/** Reading reports, and the drafters' edits while a report is in drafting. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Reports the caller may see: all for admins, else those on or below a unit they hold a role on. */
  async list(userId: string, filter: ReportFilter) {
    const admin = await this.access.isAdmin(userId);
    const rows = await this.db.query(
      `SELECT r.id, r.plan_id, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.stage, r.workflow_version, r.round,
              r.returned_count, r.last_return_reason, r.indicators, r.unassigned, r.due_at, r.updated_at
         FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE ($1::uuid IS NULL OR r.plan_id = $1) AND ($2::uuid IS NULL OR r.unit_id = $2) AND ($3::varchar IS NULL OR r.stage = $3)
          AND ($4 OR u.ancestor_ids && ARRAY(SELECT unit_id FROM role_assignments WHERE user_id = $5))
        ORDER BY u.depth, u.code`,
      [filter.planId ?? null, filter.unitId ?? null, filter.stage ?? null, admin, userId],
    );
    return rows.map(toReportSummary);
  }

  async get(id: string, userId: string) {
    return toReportView(await this.readable(id, userId));
  }

  /** The report's row, for a caller who may see it (a role on its unit or above, or admin). */
  async readable(id: string, userId: string): Promise<ReportRow> {
    const row = await this.load(id);
    await this.access.assertCanSeeUnit(userId, row.unit_id);
    return row;
  }

  async load(id: string, em: EntityManager = this.db.manager, lock = false): Promise<ReportRow> {
    const [row] = await em.query(`${REPORT_SELECT} WHERE r.id = $1 ${lock ? 'FOR NO KEY UPDATE OF r' : ''}`, [id]);
    if (!row) throw notFound('Report', id);
    return row;
  }

  async updateSection(id: string, key: string, parts: SectionContent, actor: Actor) {
    return this.editDraft(id, actor, async (em, row) => {
      const item = row.outline.find((s) => s.key === key);
      if (!item) throw notFound('Section', key);
      const refusal = partsRefusal(item, parts);
      if (refusal) throw invalid(refusal);
      // Only the parts sent change; a part left out keeps its text.
      const sent = Object.fromEntries(Object.entries(parts).filter(([, text]) => text !== undefined));
      const merged = { ...row.sections, [key]: { ...(row.sections[key] ?? {}), ...sent } };
      const [[changed]] = await em.query(`UPDATE reports SET sections = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING updated_at`, [
        id,
        JSON.stringify(merged),
      ]);
      return { action: 'edit_section', data: { section: key, parts: Object.keys(parts) }, row: { ...row, sections: merged, updated_at: changed.updated_at } };
    });
  }

  /**
   * A figures edit (`null` clears a figure): applied whole or not at all, the 400 naming each figure
   * refused and why (`problems`). `from` says where the values came from in the audit trail.
   */
  async updateIndicators(id: string, edit: FigureEdit, actor: Actor, from: 'json' | 'xlsx' = 'json') {
    return this.editDraft(id, actor, async (em, row) => {
      const { definitions } = planIndicators(row.term, row.indicator_names);
      const { problems, figures } = applyFigureEdit(definitions, row.indicators, edit);
      if (Object.keys(problems).length) throw invalid(`Số liệu chưa hợp lệ: ${Object.keys(problems).join(', ')}`, { problems });
      const [[changed]] = await em.query(`UPDATE reports SET indicators = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING updated_at`, [
        id,
        JSON.stringify(figures),
      ]);
      return {
        action: 'edit_indicators',
        data: { indicators: edit, ...(from === 'xlsx' ? { from } : {}) },
        row: { ...row, indicators: figures, updated_at: changed.updated_at },
      };
    });
  }

  /**
   * Refuses, before a file is read, a figures edit the caller could not make now: the same checks as
   * the edit itself (drafter of the unit, report open for drafting), which repeats them under the lock.
   */
  async assertCanEditDraft(id: string, actor: Actor): Promise<ReportRow> {
    const row = await this.load(id);
    await this.assertDrafterInDrafting(this.db.manager, row, actor);
    return row;
  }

  /** The content as submitted, oldest first: what each approval was given to approve. */
  async snapshots(id: string, userId: string) {
    const row = await this.load(id);
    await this.access.assertCanSeeUnit(userId, row.unit_id);
    const snapshots = await this.db.query(
      `SELECT s.seq, s.round, s.sections, s.indicators, s.submitted_at AS "submittedAt", u.username AS "submittedBy"
         FROM report_snapshots s LEFT JOIN users u ON u.id = s.submitted_by WHERE s.report_id = $1 ORDER BY s.seq`,
      [id],
    );
    return snapshots;
  }

  async events(id: string, userId: string) {
    const row = await this.load(id);
    await this.access.assertCanSeeUnit(userId, row.unit_id);
    return this.db.query(
      // actorName: the person's full name for the trail people read; null for the engine's own events.
      `SELECT e.at, e.actor, u.full_name AS "actorName", e.action, e.from_stage AS "fromStage", e.to_stage AS "toStage", e.comment, e.task_id AS "taskId"
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.report_id = $1 ORDER BY e.id`,
      [id],
    );
  }

  /**
   * Edits by the unit's drafters, only while the report is in a draft stage and not yet submitted
   * (a submitted decision waiting in the queue freezes the content that was submitted).
   */
  private async editDraft(
    id: string,
    actor: Actor,
    edit: (em: EntityManager, row: ReportRow) => Promise<{ action: string; data: Record<string, unknown>; row: ReportRow }>,
  ) {
    // The answer is the row as the edit left it, under the row lock: reading the report again after
    // the commit cost one more query and a parse of every section on each of a drafter's edits.
    const edited = await inTransaction(this.db, async (em) => {
      const row = await this.load(id, em, true);
      await this.assertDrafterInDrafting(em, row, actor);
      const { action, data, row: after } = await edit(em, row);
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action, planId: row.plan_id, reportId: id, fromStage: row.stage, data }]);
      return after;
    });
    return toReportView(edited);
  }

  async assertDrafterInDrafting(em: EntityManager, row: ReportRow, actor: Actor): Promise<void> {
    const [drafter] = await em.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND unit_id = $2 AND role = 'drafter'`, [actor.id, row.unit_id]);
    if (!drafter) throw forbidden(`Only a drafter of ${row.unit_code} may change its report`);
    const open = await em.query(`SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND kind = 'draft' AND state = 'open' LIMIT 1`, [
      row.id,
      row.stage,
      row.round,
    ]);
    if (open.length > 0) return;
    const submitted = await em.query(
      `SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND kind = 'draft' AND decision = 'submit' LIMIT 1`,
      [row.id, row.stage, row.round],
    );
    if (submitted.length) throw conflict('The report has been submitted and is moving to the next stage');
    throw conflict(`Report is in ${row.stage}, not open for drafting`);
  }
}
