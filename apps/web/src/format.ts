/** Dates as dd/mm/yyyy and times in Asia/Ho_Chi_Minh, whatever the browser's own zone; Vietnamese labels. */
import type { Part, Role, RuleType, Scope, StageKind, UnitKind } from './api-types';

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

export const PART_LABELS: Record<Part, string> = {
  strengths: 'Ưu điểm',
  limitations: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  lessons: 'Bài học kinh nghiệm',
  directions: 'Phương hướng nhiệm kỳ tiếp theo',
};

/** The parts a required section must fill before the report can be submitted. */
export const REQUIRED_PARTS: readonly Part[] = ['strengths', 'limitations'];

export const ROLE_LABELS: Record<Role, string> = {
  drafter: 'Soạn thảo',
  approver: 'Thông qua (cấp ủy đơn vị)',
  reviewer: 'Thẩm định (cấp ủy cấp trên)',
  consolidator: 'Tổ giúp việc (tổng hợp)',
  admin: 'Quản trị',
};

export const KIND_LABELS: Record<UnitKind, string> = {
  bloc: 'Đảng bộ Khối',
  upper: 'Đảng bộ trực thuộc',
  grassroots: 'Cơ sở',
  cell: 'Chi bộ',
};

export const STAGE_KIND_LABELS: Record<StageKind, string> = { draft: 'Soạn thảo', approval: 'Phê duyệt', consolidation: 'Tổng hợp' };
export const SCOPE_LABELS: Record<Scope, string> = { self: 'Chính đơn vị', parent: 'Cấp trên trực tiếp', root: 'Cấp Khối (gốc)' };
export const RULE_LABELS: Record<RuleType, string> = { any: 'Một người', all: 'Tất cả', majority: 'Quá bán', quorum: 'Tối thiểu N người' };

const STAGE_LABELS: Record<string, string> = {
  drafting: 'Dự thảo',
  cell_approval: 'Chi bộ thông qua',
  committee_review: 'Cấp trên thẩm định',
  consolidation: 'Tổng hợp ở Khối',
  root_approval: 'Ban Thường vụ phê duyệt báo cáo tổng hợp',
  done: 'Hoàn thành',
};

/** A stage's Vietnamese name: the workflow's own name when known, else the built-in one, else the key. */
export function stageLabel(key: string, names?: Record<string, string>): string {
  return names?.[key] ?? STAGE_LABELS[key] ?? key;
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
  migrate: 'Chuyển phiên bản quy trình',
  consolidate: 'Tổng hợp',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
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
