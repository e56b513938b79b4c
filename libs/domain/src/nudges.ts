import type { NotificationText } from './notification-texts';
import { vietnamDateOnly } from './party-dates';
import { formatVietnamDateTime } from './vietnam-time';

/**
 * Đôn đốc: the committee above a unit whose report is overdue reminds the people who must act on
 * it, by hand, at most once a day per unit (a reminder a day is a push; more would be noise). The
 * day is Hà Nội's calendar day.
 */

/** Why a unit asked for was not reminded. */
export type NudgeSkipReason = 'already_today' | 'not_overdue' | 'nobody';

export const NUDGE_SKIP_MESSAGES: Record<NudgeSkipReason, string> = {
  already_today: 'Hôm nay đơn vị đã được đôn đốc; mỗi đơn vị chỉ được đôn đốc một lần mỗi ngày.',
  not_overdue: 'Báo cáo của đơn vị chưa quá hạn (hoặc đã hoàn thành), không cần đôn đốc.',
  nobody: 'Không có ai đang giữ việc của báo cáo này để nhận lời đôn đốc.',
};

/** The Hà Nội calendar day of an instant, as yyyy-mm-dd (UTC+7 all year). */
export function nudgeDay(at: Date): string {
  return vietnamDateOnly(at);
}

/**
 * Who may nudge a unit: administrators, and people with a role on a unit above it (the committee
 * that reviews it, the levels that consolidate it). A unit's own people may not nudge themselves.
 */
export function mayNudge(input: { isAdmin: boolean; heldUnitIds: readonly string[]; unitAncestorIds: readonly string[] }): boolean {
  if (input.isAdmin) return true;
  const above = input.unitAncestorIds.slice(0, -1);
  return input.heldUnitIds.some((id) => above.includes(id));
}

export interface NudgeCandidate {
  overdue: boolean;
  /** Whether the unit was already nudged for this plan on the day. */
  nudgedToday: boolean;
  /** How many people hold the report's open tasks. */
  recipients: number;
}

/** Whether a unit is reminded now, or why not. */
export function nudgeDecision(unit: NudgeCandidate): { send: true } | { send: false; reason: NudgeSkipReason } {
  if (!unit.overdue) return { send: false, reason: 'not_overdue' };
  if (unit.nudgedToday) return { send: false, reason: 'already_today' };
  if (unit.recipients === 0) return { send: false, reason: 'nobody' };
  return { send: true };
}

export interface NudgeSubject {
  planCode: string;
  unitName: string;
  /** The report's stage as the unit's level names it. */
  stageLabel: string;
  dueAt: Date | null;
  /** The full name of who sent it. */
  from: string;
}

/** The notice a nudged person receives. */
export function nudgeText(subject: NudgeSubject): NotificationText {
  const due = subject.dueAt ? `đã quá hạn ${formatVietnamDateTime(subject.dueAt)} (giờ Hà Nội)` : 'đã quá hạn';
  return {
    title: `Đôn đốc: ${subject.stageLabel} – ${subject.unitName}`,
    body:
      `Kế hoạch ${subject.planCode}: báo cáo của ${subject.unitName} ở bước "${subject.stageLabel}" ${due}. ` +
      `Đồng chí ${subject.from} đề nghị đồng chí khẩn trương hoàn thành phần việc của mình.`,
  };
}
