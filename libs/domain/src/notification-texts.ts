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

/** "còn 7 ngày", "còn 3 giờ", "đến hạn" for an offset before the due date. */
export function describeOffset(offset: string): string {
  const d = parseDuration(offset);
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  if (days > 0) return `còn ${days} ngày`;
  if (d.hours > 0) return `còn ${d.hours} giờ`;
  if (d.minutes > 0) return `còn ${d.minutes} phút`;
  return 'đến hạn';
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

export interface DigestLine extends TaskContext {
  overdue: boolean;
}

export function digestText(fullName: string, lines: DigestLine[], today: Date): NotificationText {
  const sorted = [...lines].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const items = sorted.map(
    (l, i) => `${i + 1}. ${l.stageName} – ${l.unitName} (${l.planCode}): hạn ${formatVietnamDateTime(l.dueAt)}${l.overdue ? ' – ĐÃ QUÁ HẠN' : ''}`,
  );
  return {
    title: `Công việc cần xử lý ngày ${formatVietnamDateTime(today).slice(0, 10)}: ${lines.length} việc`,
    body: `Kính gửi đồng chí ${fullName},\n\nCác công việc đang chờ đồng chí xử lý, theo thứ tự hạn hoàn thành:\n${items.join('\n')}\n`,
  };
}
