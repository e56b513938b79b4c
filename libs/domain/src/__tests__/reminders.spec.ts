import { addDuration, parseDuration, subtractDuration } from '../iso-duration';
import { describeOffset, describeReminderTime, describeTimeLeft, digestText, escalationText, reminderText } from '../notification-texts';
import { planNotices, supersedingOffset } from '../reminder-plan';

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
  it('never repeats what was sent; of the missed ones only the latest is still owed, whatever went out before it', () => {
    expect(planNotices(due, settings, new Date('2019-07-09T00:00:00Z'), new Set(['P2D'])).map((n) => n.offset)).toEqual(['PT0S', 'escalation']);
    // The seven-day notice went out, then the worker was down (or the deadline moved earlier) through the two-day one: it is still owed.
    expect(planNotices(due, settings, new Date('2019-07-09T00:00:00Z'), new Set(['P7D'])).map((n) => n.offset)).toEqual(['P2D', 'PT0S', 'escalation']);
    expect(planNotices(due, settings, new Date('2019-08-01T00:00:00Z'), new Set(['PT0S', 'escalation']))).toEqual([]);
  });
  it('fires the owed missed reminder at once (its planned time, already past) and keeps the later ones at theirs', () => {
    const now = new Date('2019-07-09T00:00:00Z');
    const notices = planNotices(due, settings, now, new Set(['P7D']));
    expect(notices.map((n) => [n.offset, n.fireAt.toISOString()])).toEqual([
      ['P2D', '2019-07-08T10:00:00.000Z'],
      ['PT0S', '2019-07-10T10:00:00.000Z'],
      ['escalation', '2019-07-11T10:00:00.000Z'],
    ]);
    expect(notices[0].fireAt.getTime()).toBeLessThanOrEqual(now.getTime());
  });
  it('after a restart past two offsets, the later one alone is owed (seconds-scale offsets as in the tests)', () => {
    const soon = new Date('2019-07-10T10:00:10Z');
    const seconds = { before: ['PT6S', 'PT3S', 'PT0S'] };
    expect(planNotices(soon, seconds, new Date('2019-07-10T10:00:08Z'), new Set(['PT6S'])).map((n) => n.offset)).toEqual(['PT3S', 'PT0S']);
    expect(planNotices(soon, seconds, new Date('2019-07-10T10:00:08Z'), new Set(['PT6S', 'PT3S'])).map((n) => n.offset)).toEqual(['PT0S']);
    expect(planNotices(soon, seconds, new Date('2019-07-10T10:00:11Z'), new Set(['PT6S'])).map((n) => n.offset)).toEqual(['PT0S']);
  });
  it('has no escalation without escalateAfter', () => {
    expect(planNotices(due, { before: ['PT0S'] }, new Date('2019-06-01T00:00:00Z'), new Set()).map((n) => n.kind)).toEqual(['reminder']);
  });
});

describe('supersedingOffset', () => {
  it('is null while the reminder is the latest one due', () => {
    expect(supersedingOffset(due, settings, 'P2D', new Date('2019-07-08T10:00:01Z'))).toBeNull();
    expect(supersedingOffset(due, settings, 'PT0S', new Date('2019-07-12T00:00:00Z'))).toBeNull();
  });
  it('names the later reminder whose time has come too', () => {
    expect(supersedingOffset(due, settings, 'P7D', new Date('2019-07-08T10:00:00Z'))).toBe('P2D');
    expect(supersedingOffset(due, settings, 'P7D', new Date('2019-07-10T10:00:00Z'))).toBe('PT0S');
  });
});

describe('Vietnamese texts', () => {
  const task = { planCode: '144-KH/ĐUK', unitName: 'Chi bộ Khoa Nội', stageName: 'Chi bộ thông qua', dueAt: due };
  it('names the plan, unit, stage and due date in Ha Noi time', () => {
    const { title, body } = reminderText(task, 'P2D', new Date('2019-07-08T10:00:00.800Z'));
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
  it('says the offset when a reminder fires on time, within the queue’s usual lateness', () => {
    expect(describeReminderTime(due, 'P7D', new Date('2019-07-03T10:00:45Z'))).toBe('còn 7 ngày');
    expect(describeReminderTime(due, 'PT0S', new Date('2019-07-10T10:00:00.300Z'))).toBe('đến hạn');
    const soon = new Date('2019-07-10T10:00:10Z');
    expect(describeReminderTime(soon, 'PT6S', new Date('2019-07-10T10:00:05.500Z'))).toBe('còn 6 giây');
  });
  it('says the time really left when a reminder fires late, and “đến hạn” at or after the due date', () => {
    // A task created a few minutes after its seven-day mark: not “còn 7 ngày”.
    expect(describeReminderTime(due, 'P7D', new Date('2019-07-03T10:05:20Z'))).toBe('còn 6 ngày 23 giờ 55 phút');
    expect(reminderText(task, 'P7D', new Date('2019-07-05T10:40:00Z')).title).toBe('Nhắc việc (còn 4 ngày 23 giờ 20 phút): Chi bộ thông qua – Chi bộ Khoa Nội');
    const soon = new Date('2019-07-10T10:00:10Z');
    expect(describeReminderTime(soon, 'PT6S', new Date('2019-07-10T10:00:07.400Z'))).toBe('còn 3 giây');
    expect(describeReminderTime(soon, 'PT6S', new Date('2019-07-10T10:00:11Z'))).toBe('đến hạn');
    expect(describeReminderTime(due, 'P2D', new Date('2019-07-12T00:00:00Z'))).toBe('đến hạn');
  });
  it('rounds the time left to the second under a minute, to the minute above', () => {
    expect(describeTimeLeft(4_600)).toBe('còn 5 giây');
    expect(describeTimeLeft(59_600)).toBe('còn 1 phút');
    expect(describeTimeLeft(((4 * 24 + 23) * 60 + 59) * 60_000 + 40_000)).toBe('còn 5 ngày');
    expect(describeTimeLeft(((4 * 24 + 23) * 60 + 12) * 60_000 + 20_000)).toBe('còn 4 ngày 23 giờ 12 phút');
    expect(describeTimeLeft(300)).toBe('đến hạn');
    expect(describeTimeLeft(-5_000)).toBe('đến hạn');
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
  it('marks the tasks received since the previous digest, and only those', () => {
    const { body } = digestText(
      'Lê Văn Hùng',
      [
        { ...task, overdue: false, fresh: true },
        { ...task, unitName: 'Chi bộ Khoa Ngoại', overdue: false },
      ],
      '11/07/2019',
    );
    const lines = body.split('\n').filter((l) => /^\d\. /.test(l));
    expect(lines.map((l) => l.endsWith(' – mới giao'))).toEqual([true, false]);
  });
});
