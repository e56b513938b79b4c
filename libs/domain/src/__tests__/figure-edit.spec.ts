import { applyFigureEdit, UNKNOWN_FIGURE } from '../figure-edit';
import { indicatorCatalogue } from '../indicators';

describe('a drafter’s edit of the figures', () => {
  const { definitions } = indicatorCatalogue('2015-2020');

  it('sets numbers, clears with null (not reported, never 0) and keeps the rest', () => {
    const outcome = applyFigureEdit(
      definitions,
      { members_start: 10, members_end: 12, lecturers: 2 },
      { members_end: 14, lecturers: null, members_admitted_2016: 0 },
    );
    expect(outcome).toEqual({ problems: {}, figures: { members_start: 10, members_end: 14, members_admitted_2016: 0 } });
  });

  it('accepts the contract’s non-negative integers for the earlier seven figures', () => {
    expect(applyFigureEdit(definitions, {}, { members_admitted: 3, resolutions_issued: 0 }).problems).toEqual({});
  });

  it('names every wrong value and changes nothing', () => {
    const stored = { members_start: 10 };
    const outcome = applyFigureEdit(definitions, stored, {
      members_start: 1.5,
      members_end: -2,
      lecturers: '3',
      so_la: 1,
      example_orgs_percent: 50,
      members_admitted_2015: 4,
    });
    expect(Object.keys(outcome.problems).sort()).toEqual(['example_orgs_percent', 'lecturers', 'members_end', 'members_start', 'so_la']);
    expect(outcome.problems.so_la).toBe(UNKNOWN_FIGURE);
    expect(outcome.problems.members_start).toMatch(/số nguyên/);
    expect(outcome.problems.example_orgs_percent).toMatch(/tính tự động/);
    expect(outcome.figures).toBe(stored);
  });

  it('refuses figures that contradict each other once applied, by the figure concerned', () => {
    const stored = { example_orgs_total: 4, example_orgs_committed: 3 };
    const outcome = applyFigureEdit(definitions, stored, { example_orgs_total: 2 });
    expect(outcome.problems).toEqual({ example_orgs_committed: expect.stringMatching(/lớn hơn/) });
    expect(outcome.figures).toBe(stored);
  });

  it('never stores a derived percentage, even one stored before', () => {
    expect(applyFigureEdit(definitions, { example_orgs_percent: 80, example_orgs_total: 5 }, { example_orgs_committed: 4 }).figures).toEqual({
      example_orgs_total: 5,
      example_orgs_committed: 4,
    });
  });
});
