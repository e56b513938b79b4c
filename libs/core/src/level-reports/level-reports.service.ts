import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  inTransaction,
  LevelReportRow,
  levelReportOf,
  levelReportVersions,
  openConsolidationTaskOf,
  PlanEntity,
  updateLevelReportIndicators,
  updateLevelReportSections,
} from '@app/dal';
import { applyFigureEdit, conflict, FigureEdit, forbidden, invalid, missingSections, notFound, planIndicators, refused, SectionContent } from '@app/domain';
import { Actor } from '../common/actor';
import { AccessService } from '../org/access.service';
import { PlansService } from '../plans/plans.service';
import { partsRefusal } from '../reports/parts-refusal';
import { TasksService } from '../tasks/tasks.service';
import { LevelReportView, toLevelReportView } from './level-report-view';

/**
 * The Khối's own report as its working group writes it (the root's `consolidator` role holders):
 * reading it (anyone with a role at the root, the Standing Committee among them, and administrators),
 * editing its items and figures while it is drafted, submitting it to the Standing Committee, and
 * the versions submitted. Its creation, submission, return and adoption as the plan moves are in
 * level-report-lifecycle.ts.
 */
@Injectable()
export class LevelReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly access: AccessService,
    private readonly tasks: TasksService,
  ) {}

  async get(planId: string, userId: string): Promise<LevelReportView> {
    const plan = await this.plans.get(planId);
    await this.access.assertCanSeeUnit(userId, plan.rootUnitId);
    const row = await this.load(this.db.manager, plan);
    return toLevelReportView(
      row,
      plan.outline,
      planIndicators(plan.term, plan.indicatorNames).definitions,
      await this.rights(this.db.manager, plan, row, userId),
    );
  }

  /** Only the texts sent change; a text left out keeps what it holds. An item takes only its own texts, as in a report (partsRefusal). */
  async editSection(planId: string, key: string, content: SectionContent, actor: Actor): Promise<LevelReportView> {
    return this.edit(planId, actor, async (em, plan, row) => {
      const item = plan.outline.find((s) => s.key === key);
      if (!item) throw notFound('Outline item', key);
      const refusal = partsRefusal(item, content);
      if (refusal) throw invalid(refusal);
      const sent = Object.fromEntries(Object.entries(content).filter(([, text]) => text !== undefined));
      const sections = { ...row.sections, [key]: { ...(row.sections[key] ?? {}), ...sent } };
      await updateLevelReportSections(em, row.id, sections, actor.id);
      return { action: 'level_report.edit_section', data: { section: key, parts: Object.keys(sent) } };
    });
  }

  /** A number sets a figure, null clears it (not reported); checked as a drafter's figures are (applyFigureEdit). */
  async editFigures(planId: string, edit: FigureEdit, actor: Actor): Promise<LevelReportView> {
    return this.edit(planId, actor, async (em, plan, row) => {
      const { definitions } = planIndicators(plan.term, plan.indicatorNames);
      const { problems, figures } = applyFigureEdit(definitions, row.indicators, edit);
      if (Object.keys(problems).length) throw invalid(`Số liệu chưa hợp lệ: ${Object.keys(problems).join(', ')}`, { problems });
      await updateLevelReportIndicators(em, row.id, figures, actor.id);
      return { action: 'level_report.edit_indicators', data: { indicators: edit } };
    });
  }

  /**
   * Sends the report to the Standing Committee: its required items must be written (422 naming
   * them), then the caller's task of the working group's round is completed as approved, which the
   * worker applies as any completion (the waiting reports to done, the report submitted with a
   * snapshot, the Standing Committee's round opened). 202: the report is submitted shortly after.
   */
  async submit(planId: string, actor: Actor) {
    const taskId = await inTransaction(this.db, async (em) => {
      const plan = await this.plans.get(planId, em);
      const row = await this.load(em, plan, true);
      await this.assertWorkingGroupDrafting(em, plan, row, actor.id);
      const missing = missingSections(plan.outline, row.sections);
      if (missing.length) throw refused(`Required items are incomplete: ${missing.join(', ')}`, { missing });
      const task = await this.openTaskOf(em, plan, actor.id);
      if (!task) throw conflict('You hold no open task of the working group’s round for this plan');
      return task;
    });
    const completed = await this.tasks.complete(taskId, actor, 'approve');
    return { planId, taskId: completed.id, decision: completed.decision };
  }

  /** Every version sent to the Standing Committee, oldest first, in the shape of a report's versions. */
  async versions(planId: string, userId: string) {
    const plan = await this.plans.get(planId);
    await this.access.assertCanSeeUnit(userId, plan.rootUnitId);
    const row = await this.load(this.db.manager, plan);
    return levelReportVersions(this.db, row.id);
  }

  private async edit(
    planId: string,
    actor: Actor,
    change: (em: EntityManager, plan: PlanEntity, row: LevelReportRow) => Promise<{ action: string; data: Record<string, unknown> }>,
  ): Promise<LevelReportView> {
    const plan = await this.plans.get(planId);
    await inTransaction(this.db, async (em) => {
      const row = await this.load(em, plan, true);
      await this.assertWorkingGroupDrafting(em, plan, row, actor.id);
      const { action, data } = await change(em, plan, row);
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action, planId, data: { levelReportId: row.id, ...data } }]);
    });
    return this.get(planId, actor.id);
  }

  private async load(em: EntityManager, plan: PlanEntity, lock = false): Promise<LevelReportRow> {
    const row = await levelReportOf(em, plan.id, plan.rootUnitId, lock);
    // It exists once the root's collection is complete and the working group's round has opened.
    if (!row) throw notFound('Level report of plan', plan.id);
    return row;
  }

  private async assertWorkingGroupDrafting(em: EntityManager, plan: PlanEntity, row: LevelReportRow, userId: string): Promise<void> {
    if (!(await this.access.holdsRole(userId, plan.rootUnitId, 'consolidator', em)))
      throw forbidden(`Only the working group of ${row.unit_code} (its consolidators) may write its report`);
    if (row.status !== 'drafting') throw conflict(`The report is ${row.status}, not open for drafting`);
  }

  private async rights(em: EntityManager, plan: PlanEntity, row: LevelReportRow, userId: string) {
    const canEdit = row.status === 'drafting' && (await this.access.holdsRole(userId, plan.rootUnitId, 'consolidator', em));
    return { canEdit, canSubmit: canEdit && (await this.openTaskOf(em, plan, userId)) !== null };
  }

  private async openTaskOf(em: EntityManager, plan: PlanEntity, userId: string): Promise<string | null> {
    return openConsolidationTaskOf(em, plan.id, userId);
  }
}
