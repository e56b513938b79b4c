import { actionLabel, countdown, daysLeftText, deadlineCountdown, formatDate, formatDateTime, KIND_LABELS, parseDateTime, stageLabel } from '../format';

describe('dates and times in Hanoi time, as dd/mm/yyyy', () => {
  it('formats in Asia/Ho_Chi_Minh whatever the machine’s zone', () => {
    expect(formatDate('2019-07-10T17:00:00+07:00')).toBe('10/07/2019');
    // 20:00 UTC is already the next day in Hanoi.
    expect(formatDate('2019-07-10T20:00:00Z')).toBe('11/07/2019');
    expect(formatDateTime('2019-07-10T10:05:00Z')).toBe('10/07/2019 17:05');
    expect(formatDate(null)).toBe('—');
  });

  it('reads what a person types as Hanoi time, and refuses impossible dates', () => {
    expect(parseDateTime('10/07/2019 17:00')).toBe('2019-07-10T17:00:00+07:00');
    expect(parseDateTime('1/7/2019 8:30')).toBe('2019-07-01T08:30:00+07:00');
    expect(parseDateTime('10/07/2019')).toBe('2019-07-10T17:00:00+07:00');
    expect(parseDateTime('31/02/2019 17:00')).toBeNull();
    expect(parseDateTime('2019-07-10')).toBeNull();
    expect(parseDateTime('10/13/2019')).toBeNull();
  });

  it('counts the days left and the time past a due date', () => {
    const now = Date.parse('2019-07-01T10:00:00+07:00');
    expect(daysLeftText('2019-07-04T17:00:00+07:00', now)).toBe('Còn 3 ngày');
    expect(daysLeftText('2019-07-01T17:00:00+07:00', now)).toBe('Hết hạn trong hôm nay');
    expect(daysLeftText('2019-06-29T17:00:00+07:00', now)).toBe('Quá hạn 2 ngày');
    expect(daysLeftText(null, now)).toBe('Không có hạn');
    expect(countdown('2019-07-03T12:30:05+07:00', now)).toBe('Còn 2 ngày 02:30:05');
    expect(countdown('2019-07-01T09:00:00+07:00', now)).toBe('Đã quá hạn 01:00:00');
  });
});

describe('deadlines of a completed plan', () => {
  it('stop counting down and are late no more', () => {
    const now = Date.parse('2019-10-01T10:00:00+07:00');
    expect(deadlineCountdown('2019-09-30T17:00:00+07:00', 'completed', now)).toEqual({ text: 'Kế hoạch đã hoàn thành', late: false });
    expect(deadlineCountdown('2019-09-30T17:00:00+07:00', 'launched', now)).toEqual({ text: 'Đã quá hạn 17:00:00', late: true });
    expect(deadlineCountdown('2019-10-02T10:00:00+07:00', 'launched', now)).toEqual({ text: 'Còn 1 ngày 00:00:00', late: false });
  });
});

describe('labels people read', () => {
  it('names the levels as the Party does', () => {
    expect(KIND_LABELS).toEqual({ bloc: 'Đảng bộ Khối', upper: 'Đảng bộ cấp trên cơ sở', grassroots: 'Đảng bộ, chi bộ cơ sở', cell: 'Chi bộ trực thuộc' });
  });

  it('never shows a stage key or an action key', () => {
    expect(stageLabel('committee_review', { committee_review: 'Cấp ủy cấp trên thẩm định' })).toBe('Cấp ủy cấp trên thẩm định');
    expect(stageLabel('done')).toBe('Hoàn thành');
    expect(stageLabel('collection')).toBe('Chốt số liệu tổng hợp');
    expect(stageLabel('an_old_stage')).toBe('Bước không còn trong quy trình');
    expect(actionLabel('report.adopted')).toBe('Thông qua báo cáo');
    expect(actionLabel('tasks_cancelled')).toBe('Rút lại công việc của người khác');
    expect(actionLabel('something.new')).toBe('Thao tác khác');
  });
});
