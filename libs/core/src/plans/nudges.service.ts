import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  inTransaction,
  listHeldRolesOfNudger,
  listNudgedUnits,
  listNudgeHolders,
  NudgedUnitRow,
  readNudgerFullName,
  recordPlanNudge,
  unitNudgedOn,
} from '@app/dal';
import {
  DONE_STAGE,
  forbidden,
  invalid,
  conflict,
  isOverdue,
  mayNudge,
  NUDGE_SKIP_MESSAGES,
  nudgeDay,
  nudgeDecision,
  NudgeSkipReason,
  nudgeText,
  stageLabel,
  taskPath,
} from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/actor';
import { notifyWithEmail } from '../notifications/email-outbox';
import { stagesOfVersions, versionId } from '../notifications/notice-stages';
import { PlanVisibility } from './plan-visibility.service';

export interface NudgeSent {
  unitCode: string;
  unitName: string;
  /** How many people received the notice. */
  recipients: number;
}

export interface NudgeSkipped {
  unitCode: string;
  unitName: string;
  reason: NudgeSkipReason;
  message: string;
}

export interface NudgeAnswer {
  sent: NudgeSent[];
  skipped: NudgeSkipped[];
}

/**
 * Đôn đốc (nudges.ts): reminds the people holding the open tasks of overdue units' reports, at most
 * once per unit per plan per Hà Nội day (plan_nudges' key), audited as `plan.nudge`. Units unknown to
 * the plan, or that the caller may not nudge, refuse the whole request and change nothing.
 */
@Injectable()
export class NudgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: PlanVisibility,
    private readonly clock: Clock,
  ) {}

  async nudge(planId: string, unitCodes: readonly string[], actor: Actor): Promise<NudgeAnswer> {
    const { plan } = await this.visibility.visiblePlan(planId, actor.id);
    const codes = [...new Set(unitCodes)];
    const units = await listNudgedUnits(this.db, planId, codes);
    const unknown = codes.filter((code) => !units.some((u) => u.unit_code === code));
    if (unknown.length) throw invalid(`Kế hoạch ${plan.code} không có báo cáo của đơn vị: ${unknown.join(', ')}`, { unknownUnits: unknown });
    const { isAdmin, heldUnitIds } = await this.rolesOf(actor.id);
    const notAllowed = units.filter((u) => !mayNudge({ isAdmin, heldUnitIds, unitAncestorIds: u.ancestor_ids })).map((u) => u.unit_code);
    if (notAllowed.length) {
      throw forbidden(`Chỉ quản trị viên và cấp ủy cấp trên mới được đôn đốc đơn vị: ${notAllowed.join(', ')}`);
    }

    const now = this.clock.now();
    const answer = await inTransaction(this.db, (em) => this.send(em, plan.code, planId, units, actor, now));
    if (answer.sent.length === 0) {
      throw conflict(`Không đơn vị nào được đôn đốc: ${answer.skipped.map((s) => `${s.unitName} – ${s.message}`).join(' ')}`, { ...answer });
    }
    return answer;
  }

  private async send(em: EntityManager, planCode: string, planId: string, units: NudgedUnitRow[], actor: Actor, now: Date): Promise<NudgeAnswer> {
    const day = nudgeDay(now);
    const holders = await listNudgeHolders(
      em,
      units.map((u) => u.report_id),
    );
    const from = await readNudgerFullName(em, actor.id);
    const stagesOf = await stagesOfVersions(em, units);
    const answer: NudgeAnswer = { sent: [], skipped: [] };
    for (const unit of units) {
      const tasks = holders.filter((h) => h.report_id === unit.report_id);
      const nudgedToday = await unitNudgedOn(em, planId, unit.unit_id, day);
      const decision = nudgeDecision({
        overdue: isOverdue(unit.due_at, now, unit.stage === DONE_STAGE),
        nudgedToday,
        recipients: tasks.length,
      });
      const skip = (reason: NudgeSkipReason) =>
        answer.skipped.push({ unitCode: unit.unit_code, unitName: unit.unit_name, reason, message: NUDGE_SKIP_MESSAGES[reason] });
      if (!decision.send) {
        skip(decision.reason);
        continue;
      }
      // Two people nudging at once: the key lets one in, the other is told it was done today.
      const won = await recordPlanNudge(em, { planId, unitId: unit.unit_id, day, reportId: unit.report_id, actorId: actor.id, recipients: tasks.length });
      if (!won) {
        skip('already_today');
        continue;
      }
      const label = stageLabel(unit.stage, { stages: stagesOf.get(versionId(unit)) ?? [], unit: { kind: unit.unit_kind, name: unit.unit_name } });
      const text = nudgeText({ planCode, unitName: unit.unit_name, stageLabel: label, dueAt: unit.due_at ? new Date(unit.due_at) : null, from });
      await notifyWithEmail(
        em,
        tasks.map((t) => ({
          userId: t.assignee_id,
          kind: 'nudge' as const,
          ...text,
          planId,
          reportId: unit.report_id,
          taskId: t.task_id,
          link: taskPath({ kind: t.kind, reportId: unit.report_id, planId }),
          dedupKey: `nudge:${planId}:${unit.unit_id}:${day}:${t.task_id}`,
        })),
      );
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'plan.nudge',
          planId,
          reportId: unit.report_id,
          data: { unitCode: unit.unit_code, stage: unit.stage, day, recipients: tasks.length },
        },
      ]);
      answer.sent.push({ unitCode: unit.unit_code, unitName: unit.unit_name, recipients: tasks.length });
    }
    return answer;
  }

  private async rolesOf(userId: string): Promise<{ isAdmin: boolean; heldUnitIds: string[] }> {
    const rows = await listHeldRolesOfNudger(this.db, userId);
    return { isAdmin: rows.some((r) => r.role === 'admin'), heldUnitIds: rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])) };
  }
}
