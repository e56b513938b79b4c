import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  ConsolidatingUnit,
  consolidatingUnitById,
  consolidatorsOfUnit,
  draftingTaskOpen,
  inTransaction,
  lockCollectionStatus,
  lockReportForPrefill,
  PlanEntity,
  recordCollected,
  writePrefilledReport,
} from '@app/dal';
import { formatVietnamDateTime } from '@app/domain';
import { createRootLevelReport } from '../level-reports/level-report-lifecycle';
import { levelGroupOf } from '../level-reports/level-group';
import { synthesisStart } from '../level-reports/synthesis-start';
import { notifyWithEmail } from '../notifications/email-outbox';
import { TransitionResult } from '../common/transition-result';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { readyStagesOf } from './consolidation-plan';
import { ConsolidationService } from './consolidation.service';
import { Clock } from '../common/clock';

type Built = Awaited<ReturnType<ConsolidationService['build']>>;

/**
 * Runs when a unit's flow completes: stores what was collected (and what is missing), pre-fills an
 * intermediate unit's own report with it, or opens the root's working group's task and tells them.
 * Once per collection.
 */
@Injectable()
export class ConsolidationCollector {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consolidation: ConsolidationService,
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly clock: Clock,
  ) {}

  /** Returns what it did and the working group's tasks it opened (their reminders are scheduled after commit). */
  async collect(planId: string, unitId: string): Promise<TransitionResult> {
    // The notices' e-mail jobs are relayed when the transaction commits (notifyWithEmail).
    const { status, createdTaskIds } = await inTransaction(this.db, async (em) => {
      if ((await lockCollectionStatus(em, planId, unitId)) !== 'collecting') return { status: 'already-collected', createdTaskIds: [] as string[] };
      let plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: planId });
      const unit = (await consolidatingUnitById(em, unitId))!;
      // Figures and lists only: the level's report reads the texts it starts from itself (synthesisStart).
      const built = await this.consolidation.build(plan, unit, 'none');
      // At the root, the plan's row as a report entering consolidation and the working group's
      // completion take it: for them, the collection and the opening of the task are one step. Taken
      // only after the build, which reads through other pooled connections: held during it, the
      // transitions queued behind it could take every connection the build needs.
      if (unitId === plan.rootUnitId) plan = await em.getRepository(PlanEntity).findOneOrFail({ where: { id: planId }, lock: { mode: 'for_no_key_update' } });
      await recordCollected(em, planId, unitId, built);
      await appendAuditEvents(em, [
        {
          actorId: null,
          actor: 'system',
          action: 'consolidation.collected',
          planId,
          comment: built.missing.length ? `Còn thiếu báo cáo của: ${built.missing.join(', ')}` : 'Đã đủ báo cáo',
          data: { unitCode: unit.code, included: built.included.length, missing: built.missing },
        },
      ]);
      const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
      if (unitId !== plan.rootUnitId) {
        await this.prefill(em, plan, unit, readyStagesOf(workflow), built);
        return { status: 'collected', createdTaskIds: [] as string[] };
      }
      // Only now does the working group get its task, and the Khối's own report to write: the plan
      // is consolidated from a complete collection.
      if (plan.status === 'completed') {
        await this.tellWorkingGroup(em, plan, built);
        return { status: 'collected', createdTaskIds: [] as string[] };
      }
      const createdTaskIds = await this.stageEntry.openRootConsolidation(em, plan, workflow);
      await createRootLevelReport(em, plan, readyStagesOf(workflow));
      await this.tellWorkingGroup(em, plan, built);
      return { status: 'collected', createdTaskIds };
    });
    return { outcome: status, createdTaskIds };
  }

  /**
   * The intermediate unit's own report starts from its group's content (synthesisStart): each empty
   * part the units' texts, attributed by name with their paragraphs kept, each figure not yet
   * entered the group's sum. Only while it is still being drafted.
   */
  private async prefill(em: EntityManager, plan: PlanEntity, unit: ConsolidatingUnit, ready: Set<string>, built: Built): Promise<void> {
    const report = await lockReportForPrefill(em, plan.id, unit.id);
    if (!report) return;
    if (!(await draftingTaskOpen(em, report.id, report.round))) return;
    const start = await synthesisStart(em, plan, await levelGroupOf(em, plan, unit, ready), { sections: report.sections, indicators: report.indicators });
    await writePrefilledReport(em, report.id, start);
    await appendAuditEvents(em, [
      {
        actorId: null,
        actor: 'system',
        action: 'prefill',
        planId: plan.id,
        reportId: report.id,
        fromStage: report.stage,
        comment: `Dự thảo được điền sẵn từ báo cáo của ${start.textsFrom} đơn vị trực thuộc`,
        data: { included: built.included.length, textsFrom: start.textsFrom, missing: built.missing },
      },
    ]);
  }

  private async tellWorkingGroup(em: EntityManager, plan: PlanEntity, built: Built): Promise<void> {
    const people = await consolidatorsOfUnit(em, plan.rootUnitId);
    const title = built.missing.length
      ? `Hết hạn tổng hợp: còn thiếu ${built.missing.length} đơn vị – ${plan.code}`
      : `Đã đủ báo cáo để tổng hợp – ${plan.code}`;
    const body =
      `Kế hoạch ${plan.code}: đã tổng hợp ${built.included.length} báo cáo lúc ${formatVietnamDateTime(this.clock.now())} (giờ Hà Nội).` +
      (built.missing.length ? ` Các đơn vị chưa có báo cáo được duyệt: ${built.missing.join(', ')}.` : '');
    await notifyWithEmail(
      em,
      people.map((userId) => ({
        userId,
        kind: 'consolidation' as const,
        title,
        body,
        planId: plan.id,
        dedupKey: `consolidation:${plan.id}:${userId}`,
      })),
    );
  }
}
