import { mayNudge, NUDGE_SKIP_MESSAGES, nudgeDay, nudgeDecision, nudgeText } from '../nudges';

describe('nudges (đôn đốc)', () => {
  it('counts days as Hà Nội does: 17:00 UTC is already the next day', () => {
    expect(nudgeDay(new Date('2026-12-06T16:59:59Z'))).toBe('2026-12-06');
    expect(nudgeDay(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });

  it('lets administrators and the people of a unit above nudge, never the unit itself or a sibling', () => {
    const unitAncestorIds = ['khoi', 'upper', 'cell'];
    expect(mayNudge({ isAdmin: true, heldUnitIds: [], unitAncestorIds })).toBe(true);
    expect(mayNudge({ isAdmin: false, heldUnitIds: ['upper'], unitAncestorIds })).toBe(true);
    expect(mayNudge({ isAdmin: false, heldUnitIds: ['khoi'], unitAncestorIds })).toBe(true);
    expect(mayNudge({ isAdmin: false, heldUnitIds: ['cell'], unitAncestorIds })).toBe(false);
    expect(mayNudge({ isAdmin: false, heldUnitIds: ['other-cell'], unitAncestorIds })).toBe(false);
  });

  it('sends only to an overdue unit not yet nudged today that has someone to act', () => {
    expect(nudgeDecision({ overdue: true, nudgedToday: false, recipients: 2 })).toEqual({ send: true });
    expect(nudgeDecision({ overdue: false, nudgedToday: false, recipients: 2 })).toEqual({ send: false, reason: 'not_overdue' });
    expect(nudgeDecision({ overdue: true, nudgedToday: true, recipients: 2 })).toEqual({ send: false, reason: 'already_today' });
    expect(nudgeDecision({ overdue: true, nudgedToday: false, recipients: 0 })).toEqual({ send: false, reason: 'nobody' });
  });

  it('explains every skip in Vietnamese', () => {
    expect(NUDGE_SKIP_MESSAGES.already_today).toContain('một lần mỗi ngày');
  });

  it('says which report, which stage, since when, and who asks', () => {
    const text = nudgeText({
      planCode: '144-KH/ĐUK',
      unitName: 'Chi bộ Phòng Kế toán',
      stageLabel: 'Dự thảo',
      dueAt: new Date('2019-07-10T10:00:00Z'),
      from: 'Nguyễn Văn A',
    });
    expect(text.title).toBe('Đôn đốc: Dự thảo – Chi bộ Phòng Kế toán');
    expect(text.body).toContain('đã quá hạn 10/07/2019 17:00 (giờ Hà Nội)');
    expect(text.body).toContain('Đồng chí Nguyễn Văn A đề nghị');
  });
});
