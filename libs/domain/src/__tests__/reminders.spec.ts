import { addDuration, parseDuration, subtractDuration } from '../iso-duration';
import { describeOffset, digestText, escalationText, reminderText } from '../notification-texts';
import { planNotices } from '../reminder-plan';

const due = new Date('2019-07-10T10:00:00Z'); // 10/07/2019 17:00 in Ha Noi
const settings = { before: ['P7D', 'P2D', 'PT0S'], escalateAfter: 'P1D' };

describe('ISO durations', () => {
  it('parses and shifts', () => {
    expect(parseDuration('P1DT2H')).toMatchObject({ days: 1, hours: 2 });
    expect(subtractDuration(due, 'P7D').toISOString()).toBe('2019-07-03T10:00:00.000Z');
    expect(addDuration(due, 'PT90S').toISOString()).toBe('2019-07-10T10:01:30.000Z');
  });
  it('counts months in the Viet Nam calendar, clamping the day', () => {
    // 31/07/2019 00:30 in Ha Noi is still 30/07 in UTC; one month earlier is 30/06 local... clamped from 31.
    expect(subtractDuration(new Date('2019-07-30T17:30:00Z'), 'P1M').toISOString()).toBe('2019-06-29T17:30:00.000Z');
  });
  it('refuses what is not a duration', () => {
    expect(() => parseDuration('7 days')).toThrow(/not an ISO 8601 duration/);
    expect(() => parseDuration('P')).toThrow();
  });
});

describe('planNotices', () => {
  it('schedules every reminder and the escalation of a far due date', () => {
    const notices = planNotices(due, settings, new Date('2019-06-01T00:00:00Z'), new Set());
    expect(notices.map((n) => [n.offset, n.fireAt.toISOString()])).toEqual([
      ['P7D', '2019-07-03T10:00:00.000Z'],
      ['P2D', '2019-07-08T10:00:00.000Z'],
      ['PT0S', '2019-07-10T10:00:00.000Z'],
      ['escalation', '2019-07-11T10:00:00.000Z'],
    ]);
  });
  it('collapses reminders already missed into the latest one', () => {
    const notices = planNotices(due, settings, new Date('2019-07-09T00:00:00Z'), new Set());
    expect(notices.map((n) => n.offset)).toEqual(['P2D', 'PT0S', 'escalation']);
  });
  it('never repeats what was sent, and sends no missed one once a later one went out', () => {
    expect(planNotices(due, settings, new Date('2019-07-09T00:00:00Z'), new Set(['P2D'])).map((n) => n.offset)).toEqual(['PT0S', 'escalation']);
    expect(planNotices(due, settings, new Date('2019-07-09T00:00:00Z'), new Set(['P7D'])).map((n) => n.offset)).toEqual(['PT0S', 'escalation']);
    expect(planNotices(due, settings, new Date('2019-08-01T00:00:00Z'), new Set(['PT0S', 'escalation']))).toEqual([]);
  });
  it('has no escalation without escalateAfter', () => {
    expect(planNotices(due, { before: ['PT0S'] }, new Date('2019-06-01T00:00:00Z'), new Set()).map((n) => n.kind)).toEqual(['reminder']);
  });
});

describe('Vietnamese texts', () => {
  const task = { planCode: '144-KH/ĐUK', unitName: 'Chi bộ Khoa Nội', stageName: 'Chi bộ thông qua', dueAt: due };
  it('names the plan, unit, stage and due date in Ha Noi time', () => {
    const { title, body } = reminderText(task, 'P2D');
    expect(title).toBe('Nhắc việc (còn 2 ngày): Chi bộ thông qua – Chi bộ Khoa Nội');
    expect(body).toContain('144-KH/ĐUK');
    expect(body).toContain('10/07/2019 17:00');
  });
  it('describes offsets', () => {
    expect(describeOffset('P7D')).toBe('còn 7 ngày');
    expect(describeOffset('PT3H')).toBe('còn 3 giờ');
    expect(describeOffset('PT30S')).toBe('còn 30 giây');
    expect(describeOffset('P1DT12H')).toBe('còn 1 ngày 12 giờ');
    expect(describeOffset('PT0S')).toBe('đến hạn');
  });
  it('escalates naming who holds the task', () => {
    expect(escalationText(task, ['Nguyễn Văn An']).body).toContain('người thực hiện: Nguyễn Văn An');
  });
  it('lists a digest by due date and marks the overdue', () => {
    const later = { ...task, unitName: 'Chi bộ Khoa Ngoại', dueAt: new Date('2019-07-20T10:00:00Z'), overdue: false };
    const undated = { ...task, unitName: 'Chi bộ Văn phòng', dueAt: null, overdue: false };
    const { title, body } = digestText('Lê Văn Hùng', [undated, later, { ...task, overdue: true }], '11/07/2019');
    expect(title).toBe('Công việc cần xử lý ngày 11/07/2019: 3 việc');
    expect(body.indexOf('Khoa Ngoại')).toBeLessThan(body.indexOf('Văn phòng'));
    expect(body).toContain('chưa có hạn');
    expect(body.indexOf('Khoa Nội')).toBeLessThan(body.indexOf('Khoa Ngoại'));
    expect(body).toContain('ĐÃ QUÁ HẠN');
  });
});
