import type { FigureDefinition } from '../api-types';
import { derivedFigure, figureEdit, figureInputProblem, shownFigure, typedFigure } from '../figure-input';

const count: FigureDefinition = { key: 'members_start', label: 'Đảng viên đầu nhiệm kỳ', kind: 'count', unit: 'đảng viên', group: 'organisations' };
const percent: FigureDefinition = { key: 'satisfaction', label: 'Mức hài lòng', kind: 'percent', unit: '%', group: 'general' };
const total: FigureDefinition = { key: 'example_orgs_total', label: 'Phải cam kết', kind: 'count', unit: 'tổ chức', group: 'example' };
const committed: FigureDefinition = { key: 'example_orgs_committed', label: 'Đã cam kết', kind: 'count', unit: 'tổ chức', group: 'example' };
const derived: FigureDefinition = {
  key: 'example_orgs_percent',
  label: 'Tỷ lệ',
  kind: 'percent',
  unit: '%',
  group: 'example',
  derivedFrom: { numerator: 'example_orgs_committed', denominator: 'example_orgs_total' },
};

describe('figures as typed in the drafting form', () => {
  it('reads a blank as not reported and a Vietnamese decimal comma as a number', () => {
    expect(typedFigure('  ')).toBeNull();
    expect(typedFigure('0')).toBe(0);
    expect(typedFigure('12,5')).toBe(12.5);
    expect(typedFigure('mười')).toBeUndefined();
  });

  it('says in Vietnamese what is wrong for the figure’s kind', () => {
    expect(figureInputProblem(count, '12')).toBeNull();
    expect(figureInputProblem(count, '')).toBeNull();
    expect(figureInputProblem(count, '1,5')).toMatch(/số nguyên/);
    expect(figureInputProblem(count, '-1')).toMatch(/âm/);
    expect(figureInputProblem(count, 'abc')).toMatch(/một số/);
    expect(figureInputProblem(percent, '99,5')).toBeNull();
    expect(figureInputProblem(percent, '101')).toMatch(/0 đến 100/);
  });

  it('sends what is typed right, blanks as null, never a computed percentage or a wrong value', () => {
    expect(
      figureEdit([count, percent, total, committed, derived], {
        members_start: '',
        satisfaction: '120',
        example_orgs_total: '4',
        example_orgs_committed: '3',
        example_orgs_percent: '75',
      }),
    ).toEqual({ members_start: null, example_orgs_total: 4, example_orgs_committed: 3 });
  });

  it('computes a derived percentage from the counts as typed', () => {
    expect(derivedFigure(derived, { example_orgs_total: '4', example_orgs_committed: '3' })).toBe(75);
    expect(derivedFigure(derived, { example_orgs_total: '0', example_orgs_committed: '0' })).toBeNull();
    expect(derivedFigure(derived, { example_orgs_total: '4' })).toBeNull();
    expect(shownFigure(12.5)).toBe('12,5');
    expect(shownFigure(undefined)).toBe('');
  });
});
