/** Dates as dd/mm/yyyy and times in Asia/Ho_Chi_Minh, whatever the browser's own zone; Vietnamese labels. */
import { LEVEL_NAMES } from '../../../libs/domain/src/party-names';
import { stageLabel as stageLabelAt } from '../../../libs/domain/src/stage-labels';
import type { Plan, Role, RuleType, Scope, StageKind, UnitKind } from './api-types';

export const ZONE = 'Asia/Ho_Chi_Minh';
const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY_MS = 86_400_000;

function parts(value: string | Date, format: Intl.DateTimeFormat): Record<string, string> {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 28/11/2026 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(value, dateFormat);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 28/11/2026 14:57 (Hanoi time) */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = parts(value, timeFormat);
  return `${formatDate(value)} ${p.hour}:${p.minute}`;
}

/** Whole days from now to the due date, negative once it has passed (a due date today counts 0). */
export function daysLeft(dueAt: string, now: number = Date.now()): number {
  const ms = new Date(dueAt).getTime() - now;
  return ms >= 0 ? Math.floor(ms / DAY_MS) : -Math.ceil(-ms / DAY_MS);
}

export function isOverdue(dueAt: string | null | undefined, now: number = Date.now()): boolean {
  return !!dueAt && new Date(dueAt).getTime() < now;
}

export function daysLeftText(dueAt: string | null | undefined, now: number = Date.now()): string {
  if (!dueAt) return 'Không có hạn';
  if (isOverdue(dueAt, now)) return `Quá hạn ${Math.max(1, -daysLeft(dueAt, now))} ngày`;
  const days = daysLeft(dueAt, now);
  return days === 0 ? 'Hết hạn trong hôm nay' : `Còn ${days} ngày`;
}

/**
 * A deadline's countdown on a plan's dashboard: none once the plan is completed (its work is done,
 * nothing is late any more), else as countdown().
 */
export function deadlineCountdown(dueAt: string, planStatus: Plan['status'], now: number = Date.now()): { text: string; late: boolean } {
  if (planStatus === 'completed') return { text: 'Kế hoạch đã hoàn thành', late: false };
  return { text: countdown(dueAt, now), late: new Date(dueAt).getTime() < now };
}

/** "Còn 3 ngày 04:12:09" until the moment, "Đã quá hạn …" after it. */
export function countdown(dueAt: string, now: number = Date.now()): string {
  let ms = new Date(dueAt).getTime() - now;
  const late = ms < 0;
  ms = Math.abs(ms);
  const days = Math.floor(ms / DAY_MS);
  const rest = new Date(ms % DAY_MS).toISOString().slice(11, 19);
  const span = days > 0 ? `${days} ngày ${rest}` : rest;
  return late ? `Đã quá hạn ${span}` : `Còn ${span}`;
}

/** `dd/mm/yyyy hh:mm` typed by a person, read as Hanoi time (UTC+7, no daylight saving). */
export function parseDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute] = [m[1], m[2], m[3], m[4] ?? '17', m[5] ?? '00'].map(Number);
  const iso = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+07:00`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || month > 12 || day > 31 || hour > 23 || minute > 59) return null;
  // 31/02 rolls over to March: refuse it rather than store another day.
  return formatDate(date) === `${pad(day)}/${pad(month)}/${year}` ? iso : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export const ROLE_LABELS: Record<Role, string> = {
  drafter: 'Soạn thảo',
  approver: 'Thông qua (cấp ủy đơn vị)',
  reviewer: 'Thẩm định (cấp ủy cấp trên)',
  consolidator: 'Tổ giúp việc (tổng hợp)',
  admin: 'Quản trị',
};

/** A level as a whole, as the Party names it (one unit's kind: unitKindName in libs/domain/src/party-names). */
export const KIND_LABELS: Readonly<Record<UnitKind, string>> = LEVEL_NAMES;

export const STAGE_KIND_LABELS: Record<StageKind, string> = { draft: 'Soạn thảo', approval: 'Phê duyệt', consolidation: 'Tổng hợp' };
export const SCOPE_LABELS: Record<Scope, string> = { self: 'Chính đơn vị', parent: 'Cấp trên trực tiếp', root: 'Cấp Khối (gốc)' };
export const RULE_LABELS: Record<RuleType, string> = { any: 'Một người', all: 'Tất cả', majority: 'Quá bán', quorum: 'Tối thiểu N người' };

/**
 * A stage's Vietnamese name: from the names map a page built for its unit or level (useStageLabels),
 * else the built-in name; never the key.
 */
export function stageLabel(key: string, names?: Record<string, string>): string {
  return names?.[key] ?? stageLabelAt(key, { stages: [] });
}

const ACTION_LABELS: Record<string, string> = {
  launch: 'Khởi động kế hoạch',
  edit_section: 'Sửa nội dung',
  edit_indicators: 'Sửa số liệu',
  submit: 'Nộp báo cáo',
  approve: 'Đồng ý',
  return: 'Trả lại',
  transition: 'Chuyển bước',
  delegate: 'Ủy quyền',
  reassign: 'Chuyển người xử lý',
  'task.reassign': 'Chuyển người xử lý',
  migrate: 'Chuyển phiên bản quy trình',
  migrate_failed: 'Chuyển phiên bản quy trình không thành công',
  consolidate: 'Tổng hợp',
  tasks_cancelled: 'Rút lại công việc của người khác',
  remark_added: 'Góp ý vào một mục',
  remark_replied: 'Trả lời góp ý',
  remark_resolved: 'Đánh dấu góp ý đã xử lý',
  escalate: 'Báo quá hạn lên cấp trên',
  assignment: 'Giao, rút công việc theo vai trò',
  stage_unassigned: 'Không có người thực hiện',
  prefill: 'Điền sẵn từ báo cáo cấp dưới',
  'report.adopted': 'Thông qua báo cáo',
  'report.adoption_superseded': 'Thông qua lại sau khi bị trả lại',
  'adoption.signer_vacant': 'Chưa có người ký',
  'plan.create': 'Tạo kế hoạch',
  'plan.launch_requested': 'Yêu cầu triển khai kế hoạch',
  'plan.launch': 'Triển khai kế hoạch',
  'plan.deadlines': 'Sửa thời hạn',
  'plan.nudge': 'Đôn đốc đơn vị quá hạn',
  'plan.recipients': 'Sửa nơi nhận',
  'plan.migration_started': 'Bắt đầu chuyển phiên bản quy trình',
  'plan.migrated': 'Đã chuyển phiên bản quy trình',
  'plan.migration_failed': 'Chuyển phiên bản quy trình không thành công',
  'plan.completed': 'Hoàn thành kế hoạch',
  'consolidation.collected': 'Chốt thu thập báo cáo',
  'consolidation.redecided': 'Quyết định lại việc tổng hợp',
  'consolidation.round_reopened': 'Mở lại vòng tổng hợp',
  'consolidation.round_moved': 'Chuyển vòng tổng hợp',
  'root_approval.opened': 'Trình Ban Thường vụ',
  'root_approval.returned': 'Ban Thường vụ trả lại',
  'root_approval.redecided': 'Quyết định lại việc thông qua',
  'level_report.created': 'Tạo dự thảo báo cáo tổng hợp',
  'level_report.edit_section': 'Sửa báo cáo tổng hợp',
  'level_report.edit_indicators': 'Sửa số liệu báo cáo tổng hợp',
  'level_report.submitted': 'Trình báo cáo tổng hợp',
  'level_report.returned': 'Trả lại báo cáo tổng hợp',
  'level_report.adopted': 'Thông qua báo cáo tổng hợp',
};

/** An audit action in Vietnamese; one this version does not know reads as such, never as its key. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? 'Thao tác khác';
}

export const INDICATOR_LABELS: Record<string, string> = {
  resolutions_issued: 'Nghị quyết đã ban hành',
  directives_issued: 'Chỉ thị đã ban hành',
  members_admitted: 'Đảng viên mới kết nạp',
  members_disciplined: 'Đảng viên bị kỷ luật',
  cells_rated_excellent: 'Chi bộ hoàn thành xuất sắc nhiệm vụ',
  collaborators: 'Cộng tác viên (Chỉ thị số 03)',
  lecturers: 'Báo cáo viên (Chỉ thị số 04)',
};

export function indicatorLabel(name: string): string {
  return INDICATOR_LABELS[name] ?? name;
}
