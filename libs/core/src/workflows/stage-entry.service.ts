import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  clearReportDueDates,
  findRootCollectionRound,
  RootCollectionRoundRow,
  flagReportsUnassigned,
  insertStageTasks,
  listStageRoleHolders,
  lockPlanConsolidationRound,
  lockPlanStatus,
  sharePlanStatus,
  NewAuditEvent,
  PlanEntity,
  planRootUnitKind,
  planStageTaskOpen,
  setPlanConsolidationRound,
  setReportDueDates,
} from '@app/dal';
import { Clock } from '../common/clock';
import { closeAfterCompletion } from '../consolidation/after-completion';
import { noticeOfNewTasks, ReturnCause } from '../notifications/task-notices';
import { DONE_STAGE, findStage, roleName, scopeUnitId, StageDefinition, stageDueAt, UnitKind, WorkflowDefinition } from '@app/domain';

/** A report about to enter a stage, with what its assignment needs to know of its unit. */
export interface EnteringReport {
  id: string;
  unitId: string;
  parentId: string | null;
  unitKind: UnitKind;
  round: number;
}

/** What the caller of `enter` already knows or has already written. */
export interface EntryShortcuts {
  /** The kind of the plan's root unit, read with the report. */
  rootKind?: UnitKind;
  /** The reports' due dates were written with their move (`reportDueAt` at `enteredAt`). */
  dueDatesWritten?: boolean;
  /** When the reports entered: their tasks' due dates are then the very dates written with the move. */
  enteredAt?: Date;
}

interface NewTask {
  reportId: string | null;
  unitId: string;
  scopeUnitId: string;
  round: number;
  assigneeId: string;
  dueAt: Date | null;
}

/**
 * Creates the tasks of a stage for reports that have just entered it, in the caller's transaction,
 * and sets the reports' due dates. One task per holder of the stage's role at its scope unit; a
 * report with nobody eligible is flagged and audited instead of silently waiting. Each holder is
 * told of their new task (or, after a return, of the return and its reason) in the same
 * transaction. Returns the ids of the tasks created, whose reminders are scheduled once the
 * transaction commits.
 */
@Injectable()
export class StageEntryService {
  constructor(private readonly clock: Clock) {}

  async enter(
    em: EntityManager,
    plan: PlanEntity,
    workflow: WorkflowDefinition,
    stageKey: string,
    reports: EnteringReport[],
    returned?: ReturnCause,
    known: EntryShortcuts = {},
  ): Promise<string[]> {
    if (reports.length === 0) return [];
    if (stageKey === DONE_STAGE) {
      if (!known.dueDatesWritten)
        await clearReportDueDates(
          em,
          reports.map((r) => r.id),
        );
      return [];
    }
    const stage = findStage(workflow, stageKey);
    if (!stage) throw new Error(`Stage ${stageKey} is not in ${workflow.key} v${workflow.version}`);
    const rootKind = known.rootKind ?? (await this.rootKind(em, plan));
    const now = known.enteredAt ?? this.clock.now();
    const dueOf = new Map(reports.map((r) => [r.id, this.reportDueAt(plan, workflow, stageKey, r.unitKind, rootKind, now)]));
    if (!known.dueDatesWritten)
      await setReportDueDates(
        em,
        reports.map((r) => r.id),
        reports.map((r) => dueOf.get(r.id)),
      );
    if (stage.kind === 'consolidation')
      return this.enterConsolidation(em, plan, stage, reports, stageDueAt(plan.deadlines, stage, { kind: rootKind, rootKind }, now));

    const scopeOf = new Map(reports.map((r) => [r.id, scopeUnitId(stage.scope, { unitId: r.unitId, parentId: r.parentId, rootId: plan.rootUnitId })]));
    const holders = await this.holdersByUnit(em, [...new Set(scopeOf.values())], stage.role);
    const tasks = reports.flatMap((r) =>
      (holders.get(scopeOf.get(r.id)!) ?? []).map((assigneeId) => ({
        reportId: r.id,
        unitId: r.unitId,
        scopeUnitId: scopeOf.get(r.id)!,
        round: r.round,
        assigneeId,
        dueAt: dueOf.get(r.id) ?? null,
      })),
    );
    const created = await this.insertTasks(em, plan, stage, tasks, returned);
    await this.flagUnassigned(
      em,
      plan,
      stage,
      reports.filter((r) => !holders.has(scopeOf.get(r.id)!)),
      scopeOf,
    );
    return created;
  }

  /** A report's due date in the stage it enters now: none once done. */
  reportDueAt(plan: PlanEntity, workflow: WorkflowDefinition, stageKey: string, unitKind: UnitKind, rootKind: UnitKind, now = this.clock.now()): Date | null {
    const stage = findStage(workflow, stageKey);
    if (stageKey === DONE_STAGE || !stage) return null;
    return stageDueAt(plan.deadlines, stage, { kind: unitKind, rootKind }, now);
  }

  /**
   * Reports approved for consolidation wait there for the working group. Its task opens only once
   * the root's collection is complete (the collector opens it then), so nobody consolidates a plan
   * from its first reports; while the task is open, its completion takes every waiting report; once
   * it has completed, reports wait for the Standing Committee (a return opens a new round that takes
   * them); once the plan is completed, they are closed without changing the approved report.
   */
  private async enterConsolidation(
    em: EntityManager,
    plan: PlanEntity,
    stage: StageDefinition,
    reports: EnteringReport[],
    dueAt: Date | null,
  ): Promise<string[]> {
    // Most entries only join the reports waiting, under a share lock so that they run side by side.
    // One that may open a round (the root's collection is complete and no round has consolidated)
    // takes the row for itself from the start: upgrading a share that others hold would deadlock.
    // A collection completing meanwhile opens the round itself, under the exclusive lock.
    const mayOpenRound = isReadyForRound(await findRootCollectionRound(em, plan.id, plan.rootUnitId));
    const status = mayOpenRound ? await lockPlanStatus(em, plan.id) : await sharePlanStatus(em, plan.id);
    if (status === 'completed') {
      await closeAfterCompletion(
        em,
        plan.id,
        reports.map((r) => r.id),
      );
      return [];
    }
    if (!mayOpenRound || !isReadyForRound(await findRootCollectionRound(em, plan.id, plan.rootUnitId))) return [];
    return this.openConsolidationRound(em, plan, stage, dueAt);
  }

  /** The working group's task once the root's collection is complete: the consolidation stage's due date at the root. */
  async openRootConsolidation(em: EntityManager, plan: PlanEntity, workflow: WorkflowDefinition): Promise<string[]> {
    const stage = workflow.stages.find((s) => s.kind === 'consolidation');
    if (!stage) return [];
    const rootKind = await this.rootKind(em, plan);
    return this.openConsolidationRound(em, plan, stage, stageDueAt(plan.deadlines, stage, { kind: rootKind, rootKind }, this.clock.now()));
  }

  /** The root's consolidators hold one task per plan; a round opens when none is open. */
  async openConsolidationRound(em: EntityManager, plan: PlanEntity, stage: StageDefinition, dueAt: Date | null, returned?: ReturnCause): Promise<string[]> {
    const lockedRound = await lockPlanConsolidationRound(em, plan.id);
    if (await planStageTaskOpen(em, plan.id, stage.key)) return [];
    const round = lockedRound + 1;
    await setPlanConsolidationRound(em, plan.id, round);
    const assignees = (await this.holdersByUnit(em, [plan.rootUnitId], stage.role)).get(plan.rootUnitId) ?? [];
    if (assignees.length === 0) {
      await appendAuditEvents(em, [
        {
          actorId: null,
          actor: 'system',
          action: 'stage_unassigned',
          planId: plan.id,
          toStage: stage.key,
          comment: `Không có ai giữ vai trò ${roleName(stage.role)} tại đơn vị gốc`,
        },
      ]);
    }
    return this.insertTasks(
      em,
      plan,
      stage,
      assignees.map((assigneeId) => ({ reportId: null, unitId: plan.rootUnitId, scopeUnitId: plan.rootUnitId, round, assigneeId, dueAt })),
      returned,
    );
  }

  private async rootKind(em: EntityManager, plan: PlanEntity): Promise<UnitKind> {
    return planRootUnitKind(em, plan.rootUnitId);
  }

  private async holdersByUnit(em: EntityManager, unitIds: string[], role: string): Promise<Map<string, string[]>> {
    const rows = await listStageRoleHolders(em, unitIds, role);
    const byUnit = new Map<string, string[]>();
    for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.user_id]);
    return byUnit;
  }

  private async insertTasks(em: EntityManager, plan: PlanEntity, stage: StageDefinition, tasks: NewTask[], returned?: ReturnCause): Promise<string[]> {
    const created: string[] = [];
    for (let start = 0; start < tasks.length; start += 2000) {
      const chunk = tasks.slice(start, start + 2000);
      const ids = await insertStageTasks(em, {
        planId: plan.id,
        stage: stage.key,
        kind: stage.kind,
        role: stage.role,
        reportIds: chunk.map((t) => t.reportId),
        unitIds: chunk.map((t) => t.unitId),
        scopeUnitIds: chunk.map((t) => t.scopeUnitId),
        rounds: chunk.map((t) => t.round),
        assigneeIds: chunk.map((t) => t.assigneeId),
        dueAts: chunk.map((t) => t.dueAt),
      });
      created.push(...ids);
    }
    await noticeOfNewTasks(em, created, returned);
    return created;
  }

  private async flagUnassigned(
    em: EntityManager,
    plan: PlanEntity,
    stage: StageDefinition,
    reports: EnteringReport[],
    scopeOf: Map<string, string>,
  ): Promise<void> {
    if (reports.length === 0) return;
    await flagReportsUnassigned(
      em,
      reports.map((r) => r.id),
    );
    const events: NewAuditEvent[] = reports.map((r) => ({
      actorId: null,
      actor: 'system',
      action: 'stage_unassigned',
      planId: plan.id,
      reportId: r.id,
      toStage: stage.key,
      comment: `Không có ai giữ vai trò ${roleName(stage.role)} tại đơn vị thực hiện bước này`,
      data: { role: stage.role, scopeUnitId: scopeOf.get(r.id) },
    }));
    await appendAuditEvents(em, events);
  }
}

/** The root's collection is complete and no round has consolidated it yet. */
function isReadyForRound(root: RootCollectionRoundRow | undefined): boolean {
  return !!root && root.status !== 'collecting' && root.consolidated_round === null;
}
