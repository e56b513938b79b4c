import { parseDuration, subtractDuration } from './iso-duration';
import { formatVietnamDateTime } from './vietnam-time';

export interface TaskContext {
  planCode: string;
  unitName: string;
  stageName: string;
  dueAt: Date;
}

export interface NotificationText {
  title: string;
  body: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "còn 7 ngày 12 giờ" from whole days, hours, minutes and seconds; "đến hạn" when all are zero. */
function describeParts(days: number, hours: number, minutes: number, seconds: number): string {
  const parts = [
    [days, 'ngày'],
    [hours, 'giờ'],
    [minutes, 'phút'],
    [seconds, 'giây'],
  ].filter(([amount]) => (amount as number) > 0);
  return parts.length ? `còn ${parts.map(([amount, unit]) => `${amount} ${unit}`).join(' ')}` : 'đến hạn';
}

/** "còn 7 ngày", "còn 1 ngày 12 giờ", "còn 30 giây", "đến hạn" for an offset before the due date. */
export function describeOffset(offset: string): string {
  const d = parseDuration(offset);
  return describeParts(d.years * 365 + d.months * 30 + d.weeks * 7 + d.days, d.hours, d.minutes, d.seconds);
}

/**
 * The time left until a due date, as people say it: to the nearest second under a minute, to the
 * nearest minute above (seconds would be noise on a notice about days); "đến hạn" once it is due.
 */
export function describeTimeLeft(leftMs: number): string {
  if (leftMs < SECOND / 2) return 'đến hạn';
  const rounded = leftMs < MINUTE ? Math.round(leftMs / SECOND) * SECOND : Math.round(leftMs / MINUTE) * MINUTE;
  return describeParts(
    Math.floor(rounded / DAY),
    Math.floor((rounded % DAY) / HOUR),
    Math.floor((rounded % HOUR) / MINUTE),
    Math.floor((rounded % MINUTE) / SECOND),
  );
}

/**
 * How long a reminder may fire after its planned time and still say its offset: the queue's usual
 * lateness (2 s, or a tenth of the offset for long offsets, up to a minute). Later than that (an
 * outage, a task created after the offset's time) the offset would misstate what is left.
 */
function onTimeToleranceMs(offsetMs: number): number {
  return Math.min(MINUTE, Math.max(2 * SECOND, offsetMs / 10));
}

/**
 * What a reminder says about the time left: the offset's own words ("còn 7 ngày") when it fires on
 * time, else the real time left when it fires, so a late reminder never claims more time than
 * there is.
 */
export function describeReminderTime(dueAt: Date, offset: string, firedAt: Date): string {
  const plannedAt = subtractDuration(dueAt, offset).getTime();
  const leftMs = dueAt.getTime() - firedAt.getTime();
  if (leftMs <= 0) return 'đến hạn';
  const lateness = Math.abs(firedAt.getTime() - plannedAt);
  return lateness <= onTimeToleranceMs(dueAt.getTime() - plannedAt) ? describeOffset(offset) : describeTimeLeft(leftMs);
}

/** The reminder of `offset`, fired at `firedAt`: its title says the time actually left (see describeReminderTime). */
export function reminderText(task: TaskContext, offset: string, firedAt: Date): NotificationText {
  const when = describeReminderTime(task.dueAt, offset, firedAt);
  const due = formatVietnamDateTime(task.dueAt);
  return {
    title: `Nhắc việc (${when}): ${task.stageName} – ${task.unitName}`,
    body:
      `Kế hoạch ${task.planCode}: đồng chí có công việc "${task.stageName}" đối với báo cáo của ${task.unitName}, ` +
      `hạn hoàn thành ${due} (giờ Hà Nội). Đề nghị đồng chí hoàn thành đúng hạn.`,
  };
}

export function escalationText(task: TaskContext, holders: string[]): NotificationText {
  const due = formatVietnamDateTime(task.dueAt);
  return {
    title: `Quá hạn: ${task.stageName} – ${task.unitName}`,
    body:
      `Kế hoạch ${task.planCode}: công việc "${task.stageName}" đối với báo cáo của ${task.unitName} đã quá hạn ${due} (giờ Hà Nội) ` +
      `mà chưa hoàn thành (người thực hiện: ${holders.join(', ')}). Đề nghị đồng chí đôn đốc, chỉ đạo.`,
  };
}

export interface DigestLine extends Omit<TaskContext, 'dueAt'> {
  dueAt: Date | null;
  overdue: boolean;
  /** Given since the previous digest: its own notice went out then, the digest only marks it. */
  fresh?: boolean;
}

/**
 * The morning list of open tasks, by due date; tasks without one come last. `day` is dd/mm/yyyy.
 * It lists work, not events: a return, an adoption or a delegation had its own notice and is not
 * told again; a task received since the previous digest is marked "mới giao".
 */
export function digestText(fullName: string, lines: DigestLine[], day: string): NotificationText {
  const time = (l: DigestLine) => l.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const sorted = [...lines].sort((a, b) => time(a) - time(b));
  const items = sorted.map(
    (l, i) =>
      `${i + 1}. ${l.stageName} – ${l.unitName} (${l.planCode}): ${l.dueAt ? `hạn ${formatVietnamDateTime(l.dueAt)}` : 'chưa có hạn'}` +
      `${l.overdue ? ' – ĐÃ QUÁ HẠN' : ''}${l.fresh ? ' – mới giao' : ''}`,
  );
  return {
    title: `Công việc cần xử lý ngày ${day}: ${lines.length} việc`,
    body: `Kính gửi đồng chí ${fullName},\n\nCác công việc đang chờ đồng chí xử lý, theo thứ tự hạn hoàn thành:\n${items.join('\n')}\n`,
  };
}
