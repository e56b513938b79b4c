import { parseDuration } from './iso-duration';
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

/** "còn 7 ngày", "còn 1 ngày 12 giờ", "còn 30 giây", "đến hạn" for an offset before the due date. */
export function describeOffset(offset: string): string {
  const d = parseDuration(offset);
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  const parts = [
    [days, 'ngày'],
    [d.hours, 'giờ'],
    [d.minutes, 'phút'],
    [d.seconds, 'giây'],
  ].filter(([amount]) => (amount as number) > 0);
  return parts.length ? `còn ${parts.map(([amount, unit]) => `${amount} ${unit}`).join(' ')}` : 'đến hạn';
}

export function reminderText(task: TaskContext, offset: string): NotificationText {
  const when = describeOffset(offset);
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
}

/** The morning list of open tasks, by due date; tasks without one come last. `day` is dd/mm/yyyy. */
export function digestText(fullName: string, lines: DigestLine[], day: string): NotificationText {
  const time = (l: DigestLine) => l.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const sorted = [...lines].sort((a, b) => time(a) - time(b));
  const items = sorted.map(
    (l, i) => `${i + 1}. ${l.stageName} – ${l.unitName} (${l.planCode}): ${l.dueAt ? `hạn ${formatVietnamDateTime(l.dueAt)}` : 'chưa có hạn'}${l.overdue ? ' – ĐÃ QUÁ HẠN' : ''}`,
  );
  return {
    title: `Công việc cần xử lý ngày ${day}: ${lines.length} việc`,
    body: `Kính gửi đồng chí ${fullName},\n\nCác công việc đang chờ đồng chí xử lý, theo thứ tự hạn hoàn thành:\n${items.join('\n')}\n`,
  };
}
