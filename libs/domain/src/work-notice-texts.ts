import type { NotificationText } from './notification-texts';
import type { StageKind } from './types';
import { formatVietnamDate, formatVietnamDateTime } from './vietnam-time';

/**
 * The notices of events that ask something of a person: a new task, a return, an adoption, a
 * delegation. Vietnamese, as a Party body writes to its members ("đồng chí"); stages already named
 * for the unit's level (stage-labels.ts).
 */
export interface WorkSubject {
  planCode: string;
  /** The unit whose report it is; for plan-level work, the plan's root. */
  unitName: string;
  /** The stage as the unit's level names it. */
  stageLabel: string;
  dueAt: Date | null;
}

export interface NewTask extends WorkSubject {
  kind: StageKind;
  /** Plan-level work (the working group's consolidation, the Standing Committee's approval): no report of one unit. */
  planLevel: boolean;
}

function dueText(dueAt: Date | null): string {
  return dueAt ? `hạn hoàn thành ${formatVietnamDateTime(dueAt)} (giờ Hà Nội)` : 'chưa có hạn hoàn thành';
}

/** A task just given to its holder: what to do, on which report, by when. */
export function newTaskText(task: NewTask): NotificationText {
  const title = `Công việc mới: ${task.stageLabel} – ${task.unitName}`;
  const due = dueText(task.dueAt);
  if (task.kind === 'draft') {
    return {
      title,
      body:
        `Kế hoạch ${task.planCode}: đồng chí được giao dự thảo báo cáo tổng kết của ${task.unitName}, ${due}. ` +
        'Đề nghị đồng chí soạn thảo đủ các mục bắt buộc và nộp báo cáo đúng hạn.',
    };
  }
  if (task.kind === 'consolidation') {
    return {
      title,
      body: `Kế hoạch ${task.planCode}: đồng chí được giao tổng hợp báo cáo của ${task.unitName} từ các báo cáo đã được thẩm định ("${task.stageLabel}"), ${due}.`,
    };
  }
  const what = task.planLevel ? `báo cáo tổng hợp của ${task.unitName}` : `báo cáo của ${task.unitName}`;
  return {
    title,
    body:
      `Kế hoạch ${task.planCode}: ${what} đang chờ đồng chí cho ý kiến ở bước "${task.stageLabel}", ${due}. ` +
      'Đề nghị đồng chí xem xét, đồng ý hoặc trả lại kèm lý do.',
  };
}

export interface ReturnedReport {
  planCode: string;
  unitName: string;
  /** The stage that returned it, as the unit's level names it. */
  fromStageLabel: string;
  /** Who returned it (full name), when one person did. */
  returnedBy: string | null;
  reason: string;
  /** The due date of the stage it goes back to. */
  dueAt: Date | null;
}

/** To the unit's drafters: the report came back, why, and that it waits for them again. */
export function returnText(report: ReturnedReport): NotificationText {
  const by = report.returnedBy ? ` (đồng chí ${report.returnedBy})` : '';
  return {
    title: `Báo cáo bị trả lại: ${report.unitName}`,
    body:
      `Kế hoạch ${report.planCode}: báo cáo của ${report.unitName} đã bị trả lại ở bước "${report.fromStageLabel}"${by}.\n` +
      `Lý do: ${report.reason}\n` +
      `Đề nghị đồng chí chỉnh sửa, hoàn thiện và nộp lại báo cáo, ${dueText(report.dueAt)}.`,
  };
}

/** To the holders of a task opened again by a return (another stage than drafting, or the working group): why it is back. */
export function returnedTaskText(task: WorkSubject & { fromStageLabel: string; reason: string }): NotificationText {
  return {
    title: `Trả lại để xem xét lại: ${task.stageLabel} – ${task.unitName}`,
    body:
      `Kế hoạch ${task.planCode}: ở bước "${task.fromStageLabel}", báo cáo của ${task.unitName} đã được trả lại cho bước "${task.stageLabel}".\n` +
      `Lý do: ${task.reason}\n` +
      `Đề nghị đồng chí xem xét lại, ${dueText(task.dueAt)}.`,
  };
}

export interface AdoptedReport {
  planCode: string;
  unitName: string;
  /** Who adopted it: "Chi bộ", "Đảng ủy", "Ban Thường vụ"… */
  adoptedBy: string;
  adoptedAt: Date;
  /** Where the report goes next, as the unit's level names it; null when nothing follows (the root's own report). */
  nextStageLabel: string | null;
}

/** To the unit's drafters and approvers: the report was adopted (thông qua) and goes on. */
export function adoptionText(report: AdoptedReport): NotificationText {
  return {
    title: `Báo cáo đã được thông qua: ${report.unitName}`,
    body:
      `Kế hoạch ${report.planCode}: báo cáo tổng kết của ${report.unitName} đã được ${report.adoptedBy} thông qua ` +
      `ngày ${formatVietnamDate(report.adoptedAt)}.` +
      (report.nextStageLabel ? ` Báo cáo được chuyển sang bước "${report.nextStageLabel}".` : ''),
  };
}

/**
 * To the new holder of a handed-over task: who held it, whether they delegated it or an
 * administrator moved it, and what it asks.
 */
export function delegationText(task: WorkSubject & { from: string; byAdministrator: boolean }): NotificationText {
  const handed = task.byAdministrator
    ? `công việc "${task.stageLabel}" của đồng chí ${task.from} đã được quản trị viên chuyển cho đồng chí`
    : `đồng chí ${task.from} đã chuyển cho đồng chí công việc "${task.stageLabel}"`;
  return {
    title: `Công việc được chuyển cho đồng chí: ${task.stageLabel} – ${task.unitName}`,
    body: `Kế hoạch ${task.planCode}: ${handed} đối với báo cáo của ${task.unitName}, ${dueText(task.dueAt)}. Đề nghị đồng chí xử lý.`,
  };
}

/** An e-mail carries the notice and the page that acts on it; the link opens that page after sign-in. */
export function emailWithLink(body: string, url: string | null): string {
  if (!url) return body;
  return `${body}\n\nXem và xử lý tại: ${url}\n(Nếu chưa đăng nhập, sau khi đăng nhập đồng chí được đưa thẳng tới trang này.)`;
}
