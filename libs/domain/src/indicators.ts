import { Indicators } from './types';

/** How a figure is given and added up: counts and decimals are summed, percentages never are. */
export type IndicatorKind = 'count' | 'decimal' | 'percent';

export interface IndicatorDefinition {
  key: string;
  /** What the figure counts, in Vietnamese, as the appendix heads its column. */
  label: string;
  kind: IndicatorKind;
  /** The unit of measure shown beside the field: "tổ chức", "đảng viên", "%"… */
  unit: string;
  /** The appendix table the figure belongs to. */
  group: string;
  /** A percentage computed from two counts of the same report; never entered. */
  derivedFrom?: { numerator: string; denominator: string };
}

export interface IndicatorGroup {
  key: string;
  title: string;
  /** Keys of the figures, in column order. */
  keys: string[];
}

/** The seven figures of the earlier plans, kept with their keys (`GET /api/plans/:id` lists them). */
export const INDICATOR_NAMES: readonly string[] = Object.freeze([
  'resolutions_issued',
  'directives_issued',
  'members_admitted',
  'members_disciplined',
  'cells_rated_excellent',
  'collaborators',
  'lecturers',
]);

const GENERAL: [string, string, string][] = [
  ['resolutions_issued', 'Nghị quyết đã ban hành', 'văn bản'],
  ['directives_issued', 'Chỉ thị đã ban hành', 'văn bản'],
  ['members_admitted', 'Đảng viên kết nạp cả nhiệm kỳ', 'đảng viên'],
  ['members_disciplined', 'Đảng viên bị kỷ luật cả nhiệm kỳ', 'đảng viên'],
  ['cells_rated_excellent', 'Chi bộ hoàn thành xuất sắc nhiệm vụ', 'chi bộ'],
  ['collaborators', 'Cộng tác viên dư luận xã hội (Chỉ thị số 03)', 'người'],
  ['lecturers', 'Báo cáo viên (Chỉ thị số 04)', 'người'],
];

const ORGANISATIONS: [string, string, string][] = [
  ['org_grassroots_start', 'Tổ chức cơ sở đảng đầu nhiệm kỳ', 'tổ chức'],
  ['org_grassroots_end', 'Tổ chức cơ sở đảng cuối nhiệm kỳ', 'tổ chức'],
  ['org_cells_start', 'Chi bộ trực thuộc đầu nhiệm kỳ', 'chi bộ'],
  ['org_cells_end', 'Chi bộ trực thuộc cuối nhiệm kỳ', 'chi bộ'],
  ['members_start', 'Đảng viên đầu nhiệm kỳ', 'đảng viên'],
  ['members_end', 'Đảng viên cuối nhiệm kỳ', 'đảng viên'],
];

const RATINGS: [string, string, string][] = [
  ['org_rating_excellent', 'Tổ chức đảng hoàn thành xuất sắc nhiệm vụ', 'tổ chức'],
  ['org_rating_good', 'Tổ chức đảng hoàn thành tốt nhiệm vụ', 'tổ chức'],
  ['org_rating_fulfilled', 'Tổ chức đảng hoàn thành nhiệm vụ', 'tổ chức'],
  ['org_rating_failed', 'Tổ chức đảng không hoàn thành nhiệm vụ', 'tổ chức'],
  ['member_rating_excellent', 'Đảng viên hoàn thành xuất sắc nhiệm vụ', 'đảng viên'],
  ['member_rating_good', 'Đảng viên hoàn thành tốt nhiệm vụ', 'đảng viên'],
  ['member_rating_fulfilled', 'Đảng viên hoàn thành nhiệm vụ', 'đảng viên'],
  ['member_rating_failed', 'Đảng viên không hoàn thành nhiệm vụ', 'đảng viên'],
];

const INSPECTION: [string, string, string][] = [
  ['inspected_orgs', 'Tổ chức đảng được kiểm tra', 'tổ chức'],
  ['inspected_members', 'Đảng viên được kiểm tra', 'đảng viên'],
  ['supervised_orgs', 'Tổ chức đảng được giám sát', 'tổ chức'],
  ['supervised_members', 'Đảng viên được giám sát', 'đảng viên'],
  ['disciplined_orgs', 'Tổ chức đảng bị kỷ luật', 'tổ chức'],
  ['discipline_reprimand', 'Đảng viên bị kỷ luật khiển trách', 'đảng viên'],
  ['discipline_warning', 'Đảng viên bị kỷ luật cảnh cáo', 'đảng viên'],
  ['discipline_dismissal', 'Đảng viên bị kỷ luật cách chức', 'đảng viên'],
  ['discipline_expulsion', 'Đảng viên bị kỷ luật khai trừ', 'đảng viên'],
];

/** The calendar years of a term written "2015-2020", inclusive; none when the term reads otherwise. */
export function termYears(term: string): number[] {
  const match = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(term.trim());
  if (!match) return [];
  const [from, to] = [Number(match[1]), Number(match[2])];
  return to >= from && to - from <= 10 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
}

const counts = (group: string, rows: [string, string, string][], suffix = '', labelSuffix = ''): IndicatorDefinition[] =>
  rows.map(([key, label, unit]) => ({ key: `${key}${suffix}`, label: `${label}${labelSuffix}`, kind: 'count', unit, group }));

/**
 * The appendix of figures a term-end summary carries (domain page: organisations and members at the
 * start and end of the term, admissions and ratings per year, inspection and discipline by form,
 * commitments to set an example, and the earlier general figures), for a plan's term.
 */
export function indicatorCatalogue(term: string): { definitions: IndicatorDefinition[]; groups: IndicatorGroup[] } {
  const years = termYears(term);
  const definitions: IndicatorDefinition[] = [
    ...counts('organisations', ORGANISATIONS),
    ...years.map((y) => ({ key: `members_admitted_${y}`, label: `Kết nạp năm ${y}`, kind: 'count' as const, unit: 'đảng viên', group: 'admissions' })),
    ...years.flatMap((y) => counts(`ratings_${y}`, RATINGS, `_${y}`)),
    ...counts('inspection', INSPECTION),
    ...counts('example', [
      ['example_orgs_total', 'Tổ chức đảng phải xây dựng cam kết nêu gương', 'tổ chức'],
      ['example_orgs_committed', 'Tổ chức đảng đã có cam kết nêu gương', 'tổ chức'],
    ]),
    {
      key: 'example_orgs_percent',
      label: 'Tỷ lệ tổ chức đảng có cam kết nêu gương',
      kind: 'percent',
      unit: '%',
      group: 'example',
      derivedFrom: { numerator: 'example_orgs_committed', denominator: 'example_orgs_total' },
    },
    ...counts('example', [
      ['example_leaders_total', 'Cán bộ lãnh đạo, quản lý phải cam kết nêu gương', 'người'],
      ['example_leaders_committed', 'Cán bộ lãnh đạo, quản lý đã cam kết nêu gương', 'người'],
    ]),
    {
      key: 'example_leaders_percent',
      label: 'Tỷ lệ cán bộ lãnh đạo, quản lý cam kết nêu gương',
      kind: 'percent',
      unit: '%',
      group: 'example',
      derivedFrom: { numerator: 'example_leaders_committed', denominator: 'example_leaders_total' },
    },
    ...counts('general', GENERAL),
  ];
  const keysOf = (group: string) => definitions.filter((d) => d.group === group).map((d) => d.key);
  const groups: IndicatorGroup[] = [
    { key: 'organisations', title: 'Tổ chức đảng và đảng viên đầu, cuối nhiệm kỳ', keys: keysOf('organisations') },
    ...(years.length ? [{ key: 'admissions', title: 'Kết nạp đảng viên theo năm', keys: keysOf('admissions') }] : []),
    ...years.map((y) => ({ key: `ratings_${y}`, title: `Đánh giá, xếp loại tổ chức đảng và đảng viên năm ${y}`, keys: keysOf(`ratings_${y}`) })),
    { key: 'inspection', title: 'Kiểm tra, giám sát và kỷ luật đảng', keys: keysOf('inspection') },
    { key: 'example', title: 'Thực hiện cam kết nêu gương (Quy định 08-QĐi/TW)', keys: keysOf('example') },
    { key: 'general', title: 'Một số số liệu khác', keys: keysOf('general') },
  ];
  return { definitions, groups };
}

/**
 * The definitions of a plan's figures: the catalogue's for the keys it knows, a count labelled by its
 * key for any other (plans may name figures of their own), grouped as the appendix shows them.
 */
export function planIndicators(term: string, keys: readonly string[]): { definitions: IndicatorDefinition[]; groups: IndicatorGroup[] } {
  const catalogue = indicatorCatalogue(term);
  const byKey = new Map(catalogue.definitions.map((d) => [d.key, d]));
  const definitions = keys.map((key) => byKey.get(key) ?? { key, label: key, kind: 'count' as const, unit: '', group: 'general' });
  const chosen = new Set(keys);
  const groups = catalogue.groups
    .map((g) => ({
      ...g,
      keys: g.key === 'general' ? definitions.filter((d) => d.group === 'general').map((d) => d.key) : g.keys.filter((k) => chosen.has(k)),
    }))
    .filter((g) => g.keys.length > 0);
  return { definitions, groups };
}

/** The figures of a new plan that names none: the whole catalogue for its term. */
export function defaultIndicatorKeys(term: string): string[] {
  return indicatorCatalogue(term).definitions.map((d) => d.key);
}

/**
 * Why a value cannot be entered for a figure, in Vietnamese, or null when it can. `null` clears a
 * figure (not reported); a derived percentage is never entered.
 */
export function indicatorValueProblem(definition: IndicatorDefinition, value: unknown): string | null {
  if (definition.derivedFrom) return 'Tỷ lệ này được tính tự động từ các số liệu liên quan, không nhập trực tiếp';
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Phải là một số';
  if (value < 0) return 'Không được là số âm';
  switch (definition.kind) {
    case 'count':
      return Number.isInteger(value) && value <= 1_000_000_000 ? null : 'Phải là số nguyên (không có phần thập phân)';
    case 'decimal':
      return value <= 1e12 && Math.round(value * 100) === value * 100 ? null : 'Tối đa hai chữ số thập phân';
    case 'percent':
      return value <= 100 && Math.round(value * 100) === value * 100 ? null : 'Tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân';
  }
}

/** Problems between figures of one report, by the figure they concern (e.g. more committed than required). */
export function indicatorConsistencyProblems(definitions: readonly IndicatorDefinition[], values: Indicators): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const d of definitions) {
    if (!d.derivedFrom) continue;
    const part = values[d.derivedFrom.numerator];
    const whole = values[d.derivedFrom.denominator];
    if (part !== undefined && whole !== undefined && part > whole) problems[d.derivedFrom.numerator] = 'Không được lớn hơn tổng số tương ứng';
  }
  return problems;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A report's figures with its derived percentages computed (absent when a count they need is). */
export function withDerived(definitions: readonly IndicatorDefinition[], values: Indicators): Indicators {
  const result: Indicators = { ...values };
  for (const d of definitions) {
    if (!d.derivedFrom) continue;
    delete result[d.key];
    const value = derivedValue(d.derivedFrom, values);
    if (value !== undefined) result[d.key] = value;
  }
  return result;
}

/** A percentage from its two counts, or undefined when either is blank or the whole is 0. */
function derivedValue(from: NonNullable<IndicatorDefinition['derivedFrom']>, values: Indicators): number | undefined {
  const part = values[from.numerator];
  const whole = values[from.denominator];
  return part !== undefined && whole !== undefined && whole > 0 ? round2((100 * part) / whole) : undefined;
}

export interface UnitFigures {
  unitCode: string;
  unitName: string;
  indicators: Indicators;
}

export interface ConsolidatedFigures {
  /** Per figure: counts summed, entered percentages averaged, derived ones recomputed; absent when no unit reported it. */
  totals: Indicators;
  /** Per figure, each reporting unit's value (derived percentages included), in the units' order. */
  breakdown: Record<string, { unitCode: string; unitName: string; value: number }[]>;
}

/** Adds up the figures of the units below as the domain page asks: blanks stay blanks, percentages are never summed. */
export function consolidateFigures(definitions: readonly IndicatorDefinition[], units: readonly UnitFigures[]): ConsolidatedFigures {
  const breakdown: ConsolidatedFigures['breakdown'] = {};
  for (const d of definitions) breakdown[d.key] = figureBreakdown(d, units);
  return { totals: figureTotals(definitions, units), breakdown };
}

/**
 * The totals of consolidateFigures alone, without the breakdown (which for ten thousand units is
 * best written one figure at a time, see figureBreakdown): counts and decimals summed over the units
 * that reported them, entered percentages averaged, derived ones recomputed from the totals.
 */
export function figureTotals(definitions: readonly IndicatorDefinition[], units: readonly { indicators: Indicators }[]): Indicators {
  const totals: Indicators = {};
  for (const d of definitions) {
    if (d.derivedFrom) continue;
    let sum = 0;
    let reported = 0;
    for (const unit of units) {
      const value = unit.indicators[d.key];
      if (value === undefined || value === null) continue;
      sum += value;
      reported += 1;
    }
    if (reported > 0) totals[d.key] = d.kind === 'percent' ? round2(sum / reported) : round2(sum);
  }
  return withDerived(definitions, totals);
}

/** Each reporting unit's value of one figure, in the units' order; a derived percentage computed per unit. */
export function figureBreakdown(definition: IndicatorDefinition, units: readonly UnitFigures[]): ConsolidatedFigures['breakdown'][string] {
  return units.flatMap((u) => {
    const value = definition.derivedFrom ? derivedValue(definition.derivedFrom, u.indicators) : u.indicators[definition.key];
    return value === undefined || value === null ? [] : [{ unitCode: u.unitCode, unitName: u.unitName, value }];
  });
}
