import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  findReport,
  hasOpenDraftingTask,
  hasSubmittedDraft,
  isDrafterOfUnit,
  listReportSnapshots,
  listReportTrail,
  listVisibleReports,
  ReportRow,
  DraftContentEdit,
  saveDraftEdit,
} from '@app/dal';
import { applyFigureEdit, conflict, FigureEdit, forbidden, invalid, notFound, planIndicators, SectionContent } from '@app/domain';
import { partsRefusal } from './parts-refusal';
import { Actor } from '../common/actor';
import { AccessService } from '../org/access.service';
import { toReportSummary, toReportView } from './report-view';

/** What a drafter's edit changes, and how the audit trail names it. */
interface DraftChange {
  content: DraftContentEdit;
  action: string;
  data: Record<string, unknown>;
}

/** Figures edits racing on one report are checked again on the newer figures; past this many, the caller tries later. */
const EDIT_ATTEMPTS = 5;

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
    const rows = await listVisibleReports(
      this.db,
      { planId: filter.planId ?? null, unitId: filter.unitId ?? null, stage: filter.stage ?? null },
      admin,
      userId,
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
    const row = await findReport(em, id, lock);
    if (!row) throw notFound('Report', id);
    return row;
  }

  async updateSection(id: string, key: string, parts: SectionContent, actor: Actor) {
    return this.editDraft(id, actor, (row) => {
      const item = row.outline.find((s) => s.key === key);
      if (!item) throw notFound('Section', key);
      const refusal = partsRefusal(item, parts);
      if (refusal) throw invalid(refusal);
      // Only the parts sent change; a part left out keeps its text.
      const sent = Object.fromEntries(Object.entries(parts).filter(([, text]) => text !== undefined));
      return { content: { kind: 'section', key, partsJson: JSON.stringify(sent) }, action: 'edit_section', data: { section: key, parts: Object.keys(parts) } };
    });
  }

  /**
   * A figures edit (`null` clears a figure): applied whole or not at all, the 400 naming each figure
   * refused and why (`problems`). `from` says where the values came from in the audit trail.
   */
  async updateIndicators(id: string, edit: FigureEdit, actor: Actor, from: 'json' | 'xlsx' = 'json') {
    return this.editDraft(id, actor, (row) => {
      const { definitions } = planIndicators(row.term, row.indicator_names);
      const { problems, figures } = applyFigureEdit(definitions, row.indicators, edit);
      if (Object.keys(problems).length) throw invalid(`Số liệu chưa hợp lệ: ${Object.keys(problems).join(', ')}`, { problems });
      return {
        content: { kind: 'indicators', json: JSON.stringify(figures), asReadJson: JSON.stringify(row.indicators) },
        action: 'edit_indicators',
        data: { indicators: edit, ...(from === 'xlsx' ? { from } : {}) },
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
    return listReportSnapshots(this.db, id);
  }

  async events(id: string, userId: string) {
    const row = await this.load(id);
    await this.access.assertCanSeeUnit(userId, row.unit_id);
    return listReportTrail(this.db, id);
  }

  /**
   * Edits by the unit's drafters, only while the report is in a draft stage and not yet submitted
   * (a submitted decision waiting in the queue freezes the content that was submitted).
   *
   * A read, then one guarded statement that writes the edit and its audit event only if the checks
   * still hold and the report is as read: two statements, no transaction, no lock held across a
   * round trip. A refusal is explained by the checks below (403, 409); when they pass, figures
   * changed in between, and this edit is checked again against them.
   */
  private async editDraft(id: string, actor: Actor, edit: (row: ReportRow) => DraftChange): Promise<ReturnType<typeof toReportView>> {
    for (let attempt = 1; ; attempt++) {
      const row = await this.load(id);
      let change: DraftChange;
      try {
        change = edit(row);
      } catch (refusal) {
        // Who may edit is answered before what was sent, as it always was.
        await this.assertDrafterInDrafting(this.db.manager, row, actor);
        throw refusal;
      }
      const saved = await saveDraftEdit(this.db, {
        reportId: id,
        version: row.version,
        stage: row.stage,
        round: row.round,
        content: change.content,
        userId: actor.id,
        username: actor.username,
        action: change.action,
        planId: row.plan_id,
        auditData: change.data,
      });
      if (saved) return toReportView({ ...row, ...saved });
      await this.assertDrafterInDrafting(this.db.manager, await this.load(id), actor);
      if (attempt >= EDIT_ATTEMPTS) throw conflict('The report is being changed by someone else; try again');
    }
  }

  async assertDrafterInDrafting(em: EntityManager, row: ReportRow, actor: Actor): Promise<void> {
    if (!(await isDrafterOfUnit(em, actor.id, row.unit_id))) throw forbidden(`Only a drafter of ${row.unit_code} may change its report`);
    const drafting = { reportId: row.id, stage: row.stage, round: row.round };
    if (await hasOpenDraftingTask(em, drafting)) return;
    if (await hasSubmittedDraft(em, drafting)) throw conflict('The report has been submitted and is moving to the next stage');
    throw conflict(`Report is in ${row.stage}, not open for drafting`);
  }
}
