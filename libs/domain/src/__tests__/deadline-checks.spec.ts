import { DEFAULT_WORKFLOW } from '../default-workflow';
import { deadlineOrderProblems, pastDeadlines } from '../deadline-checks';
import { PlanDeadlines } from '../due-date';

const stages = DEFAULT_WORKFLOW.stages;
const hanoi = (day: string) => `2030-${day}T17:00:00+07:00`;
/** The sample plan's table, moved to 2030: in order. */
const ordered = (): PlanDeadlines => ({
  cell: { drafting: hanoi('07-10'), cell_approval: hanoi('07-20'), committee_review: hanoi('07-31') },
  grassroots: { drafting: hanoi('07-31'), cell_approval: hanoi('08-10'), committee_review: hanoi('08-20') },
  upper: { drafting: hanoi('08-15'), cell_approval: hanoi('08-25'), committee_review: hanoi('09-05') },
  bloc: { consolidation: hanoi('09-30') },
});
const check = (deadlines: PlanDeadlines, consolidateAt: ('bloc' | 'upper' | 'grassroots' | 'cell')[] = []) =>
  deadlineOrderProblems({ deadlines, stages, rootKind: 'bloc', consolidateAt });
const fields = (deadlines: PlanDeadlines, consolidateAt?: ('bloc' | 'upper')[]) => check(deadlines, consolidateAt).map((p) => p.field);

describe('deadlines in the past', () => {
  it('names every deadline before now, in Vietnamese, and none after', () => {
    const problems = pastDeadlines({ cell: { drafting: '2019-07-10T17:00:00+07:00', cell_approval: hanoi('07-20') } }, new Date('2026-01-01T00:00:00Z'));
    expect(problems).toEqual([
      { field: 'deadlines.cell.drafting', problem: 'past', message: 'deadlines.cell.drafting: thời hạn 10/07/2019 17:00 (giờ Hà Nội) đã qua' },
    ]);
  });
});

describe('deadlines out of order', () => {
  it('finds nothing in a table that follows the work', () => {
    expect(check(ordered())).toEqual([]);
    expect(check(ordered(), ['upper'])).toEqual([]);
  });

  it('refuses a later stage of one level due before an earlier one, naming the later stage', () => {
    const d = ordered();
    d.grassroots!.committee_review = hanoi('08-05');
    const [problem, ...rest] = check(d);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      field: 'deadlines.grassroots.committee_review',
      problem: 'order',
      message:
        'deadlines.grassroots.committee_review: bước "Cấp ủy cấp trên thẩm định" hạn 05/08/2030 17:00 (giờ Hà Nội), sớm hơn bước trước đó "Đảng ủy, chi bộ cơ sở thông qua" (10/08/2030 17:00 (giờ Hà Nội)) của Đảng bộ, chi bộ cơ sở',
    });
  });

  it('compares stages that are not neighbours when the one between is not set', () => {
    expect(fields({ cell: { drafting: hanoi('07-20'), committee_review: hanoi('07-10') }, bloc: { consolidation: hanoi('09-30') } })).toEqual([
      'deadlines.cell.committee_review',
    ]);
  });

  it('refuses a data cut-off after the consolidation deadline, its own or the root’s', () => {
    expect(fields({ ...ordered(), bloc: { collection: hanoi('10-01'), consolidation: hanoi('09-30') } })).toEqual(['deadlines.bloc.collection']);
    expect(fields({ ...ordered(), upper: { ...ordered().upper, collection: hanoi('10-02') } }, ['upper'])).toContain('deadlines.upper.collection');
    expect(fields({ ...ordered(), bloc: { collection: hanoi('09-20'), consolidation: hanoi('09-30') } })).toEqual([]);
  });

  it('refuses a lower level’s stage after the same stage of a level that consolidates it, and only then', () => {
    const d = ordered();
    d.cell!.drafting = hanoi('08-16');
    d.cell!.cell_approval = hanoi('08-20');
    d.cell!.committee_review = hanoi('08-21');
    // Only the root consolidates: the cells' report does not feed the upper committees' own report.
    expect(fields(d)).toEqual([]);
    // The upper committees consolidate the cells below them: the cells' drafting comes after theirs.
    expect(fields(d, ['upper'])).toEqual(['deadlines.cell.drafting']);
    const [problem] = check(d, ['upper']);
    expect(problem.message).toBe(
      'deadlines.cell.drafting: Chi bộ trực thuộc hạn 16/08/2030 17:00 (giờ Hà Nội) ở bước "Dự thảo báo cáo", muộn hơn Đảng bộ cấp trên cơ sở (15/08/2030 17:00 (giờ Hà Nội)), cấp tổng hợp báo cáo của cấp dưới',
    );
  });

  it('refuses an intermediate level’s consolidation or cut-off after the root’s', () => {
    expect(fields({ ...ordered(), upper: { ...ordered().upper, consolidation: hanoi('10-05') } }, ['upper'])).toEqual(['deadlines.upper.consolidation']);
  });

  it('refuses a report stage due after the root’s data cut-off: the report would miss the collection', () => {
    const late = { ...ordered(), bloc: { collection: hanoi('09-01'), consolidation: hanoi('09-30') } };
    expect(fields(late)).toEqual(['deadlines.upper.committee_review']);
    expect(check(late)[0].message).toContain('sau thời điểm chốt số liệu tổng hợp của Đảng bộ Khối (01/09/2030 17:00 (giờ Hà Nội))');
  });

  it('names each field once, however many rules it breaks', () => {
    const d = ordered();
    d.cell!.committee_review = hanoi('10-10');
    expect(fields(d, ['upper'])).toEqual(['deadlines.cell.committee_review']);
  });
});
