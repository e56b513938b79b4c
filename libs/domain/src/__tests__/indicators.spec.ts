import {
  consolidateFigures,
  defaultIndicatorKeys,
  figureBreakdown,
  figureTotals,
  indicatorCatalogue,
  indicatorConsistencyProblems,
  indicatorValueProblem,
  planIndicators,
  termYears,
  UnitFigures,
  withDerived,
} from '../indicators';

describe('the figures of a term-end summary', () => {
  const { definitions, groups } = indicatorCatalogue('2015-2020');
  const def = (key: string) => definitions.find((d) => d.key === key)!;

  it('has the appendix tables a summary needs, per year where the đề cương asks', () => {
    expect(termYears('2015-2020')).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(termYears('nhiệm kỳ XII')).toEqual([]);
    expect(groups.map((g) => g.key)).toEqual([
      'organisations',
      'admissions',
      'ratings_2015',
      'ratings_2016',
      'ratings_2017',
      'ratings_2018',
      'ratings_2019',
      'ratings_2020',
      'inspection',
      'example',
      'general',
    ]);
    expect(groups.find((g) => g.key === 'admissions')!.keys).toEqual([
      'members_admitted_2015',
      'members_admitted_2016',
      'members_admitted_2017',
      'members_admitted_2018',
      'members_admitted_2019',
      'members_admitted_2020',
    ]);
    expect(def('discipline_expulsion')).toMatchObject({ kind: 'count', unit: 'đảng viên', label: 'Đảng viên bị kỷ luật khai trừ' });
    expect(def('example_orgs_percent')).toMatchObject({
      kind: 'percent',
      unit: '%',
      derivedFrom: { numerator: 'example_orgs_committed', denominator: 'example_orgs_total' },
    });
    // the earlier seven keep their keys
    expect(defaultIndicatorKeys('2015-2020')).toEqual(expect.arrayContaining(['resolutions_issued', 'lecturers']));
  });

  it('a plan naming its own figures gets them as counts, grouped with the general ones', () => {
    const chosen = planIndicators('2015-2020', ['members_start', 'so_chuyen_de']);
    expect(chosen.definitions.map((d) => [d.key, d.kind])).toEqual([
      ['members_start', 'count'],
      ['so_chuyen_de', 'count'],
    ]);
    expect(chosen.groups).toEqual([
      { key: 'organisations', title: expect.any(String), keys: ['members_start'] },
      { key: 'general', title: expect.any(String), keys: ['so_chuyen_de'] },
    ]);
  });

  it('says in Vietnamese what is wrong with a value', () => {
    expect(indicatorValueProblem(def('members_start'), 12)).toBeNull();
    expect(indicatorValueProblem(def('members_start'), null)).toBeNull();
    expect(indicatorValueProblem(def('members_start'), 1.5)).toMatch(/số nguyên/);
    expect(indicatorValueProblem(def('members_start'), -1)).toMatch(/âm/);
    expect(indicatorValueProblem(def('members_start'), '12')).toMatch(/một số/);
    expect(indicatorValueProblem(def('example_orgs_percent'), 50)).toMatch(/tính tự động/);
    const percent = { key: 'p', label: 'p', kind: 'percent' as const, unit: '%', group: 'x' };
    expect(indicatorValueProblem(percent, 99.5)).toBeNull();
    expect(indicatorValueProblem(percent, 101)).toMatch(/0 đến 100/);
    expect(indicatorConsistencyProblems(definitions, { example_orgs_committed: 5, example_orgs_total: 4 })).toEqual({
      example_orgs_committed: expect.stringMatching(/lớn hơn/),
    });
  });

  it('computes a derived percentage, and leaves it blank without its counts', () => {
    expect(withDerived(definitions, { example_orgs_committed: 3, example_orgs_total: 4 })).toMatchObject({ example_orgs_percent: 75 });
    expect(withDerived(definitions, { example_orgs_committed: 3 })).not.toHaveProperty('example_orgs_percent');
  });

  it('consolidates: counts summed over those who reported, blank stays blank, percentages recomputed or averaged, never summed', () => {
    const withEntered = [...definitions, { key: 'satisfaction', label: 'Mức hài lòng', kind: 'percent' as const, unit: '%', group: 'general' }];
    const result = consolidateFigures(withEntered, [
      { unitCode: 'A', unitName: 'Chi bộ A', indicators: { members_start: 10, example_orgs_committed: 1, example_orgs_total: 1, satisfaction: 80 } },
      { unitCode: 'B', unitName: 'Chi bộ B', indicators: { members_start: 5, example_orgs_committed: 0, example_orgs_total: 3, satisfaction: 90 } },
      { unitCode: 'C', unitName: 'Chi bộ C', indicators: {} },
    ]);
    expect(result.totals.members_start).toBe(15);
    expect(result.totals).not.toHaveProperty('members_end');
    expect(result.totals.example_orgs_percent).toBe(25);
    expect(result.totals.satisfaction).toBe(85);
    expect(result.breakdown.members_start).toEqual([
      { unitCode: 'A', unitName: 'Chi bộ A', value: 10 },
      { unitCode: 'B', unitName: 'Chi bộ B', value: 5 },
    ]);
    expect(result.breakdown.example_orgs_percent).toEqual([
      { unitCode: 'A', unitName: 'Chi bộ A', value: 100 },
      { unitCode: 'B', unitName: 'Chi bộ B', value: 0 },
    ]);
  });
});

describe('figures of ten thousand units, one figure at a time', () => {
  const { definitions } = indicatorCatalogue('2015-2020');
  const units: UnitFigures[] = [
    { unitCode: 'A', unitName: 'Chi bộ A', indicators: { members_start: 10, example_orgs_committed: 1, example_orgs_total: 2 } },
    { unitCode: 'B', unitName: 'Chi bộ B', indicators: { members_start: 0 } },
  ];

  it('figureTotals gives the totals of consolidateFigures without building the breakdown', () => {
    expect(figureTotals(definitions, units)).toEqual(consolidateFigures(definitions, units).totals);
    expect(figureTotals(definitions, units)).toEqual({ members_start: 10, example_orgs_committed: 1, example_orgs_total: 2, example_orgs_percent: 50 });
  });

  it('figureBreakdown gives one figure’s breakdown: a 0 reported is listed, a blank is not', () => {
    const byKey = (key: string) => definitions.find((d) => d.key === key)!;
    expect(figureBreakdown(byKey('members_start'), units)).toEqual([
      { unitCode: 'A', unitName: 'Chi bộ A', value: 10 },
      { unitCode: 'B', unitName: 'Chi bộ B', value: 0 },
    ]);
    expect(figureBreakdown(byKey('example_orgs_percent'), units)).toEqual([{ unitCode: 'A', unitName: 'Chi bộ A', value: 50 }]);
  });
});
