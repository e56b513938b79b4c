import { ConsolidatedSection, consolidateFigures, indicatorCatalogue, Indicators, UnitFigures } from '@app/domain';
import { consolidatedBreakdownJson } from './consolidated-breakdown-json';
import { consolidatedHead, consolidatedSectionJson } from './consolidated-section-json';

const section = (n: number): ConsolidatedSection => ({
  key: 'political',
  title: 'Xây dựng Đảng về chính trị "cốt lõi"',
  takes: ['strengths', 'limitations', 'causes', 'lessons', 'directions'],
  parts: {
    text: [],
    strengths: Array.from({ length: n }, (_, i) => ({ unitCode: `C${i}`, unitName: `Chi bộ ${i}`, text: `Ưu điểm ${i}\n"trích dẫn"` })),
    limitations: [],
    causes: [{ unitCode: 'A', unitName: 'Chi bộ “A”', text: 'Nguyên nhân' }],
    lessons: Array.from({ length: n * 2 }, (_, i) => ({ unitCode: `L${i}`, unitName: `Chi bộ ${i}`, text: 'Bài học' })),
    directions: [],
  },
});

const oneText = (n: number): ConsolidatedSection => ({
  key: 'context',
  title: 'Đặc điểm tình hình',
  part: 'I',
  takes: ['text'],
  parts: {
    text: Array.from({ length: n }, (_, i) => ({ unitCode: `C${i}`, unitName: `Chi bộ ${i}`, text: `Đảng bộ có ${i} đảng viên` })),
    strengths: [],
    limitations: [],
    causes: [],
    lessons: [],
    directions: [],
  },
});

describe('consolidatedSectionJson', () => {
  it.each([0, 1, 199, 200, 201, 1_000])('gives exactly JSON.stringify of a section with %i texts per part', (n) => {
    for (const s of [section(n), oneText(n)]) expect([...consolidatedSectionJson(s)].join('')).toBe(JSON.stringify(s));
  });

  it('writes a large section in many small pieces', () => {
    const pieces = [...consolidatedSectionJson(section(10_000))];
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(30_000);
  });
});

describe('consolidatedBreakdownJson', () => {
  const { definitions } = indicatorCatalogue('2015-2020');
  const units = (n: number): UnitFigures[] =>
    Array.from({ length: n }, (_, i) => ({
      unitCode: `C${i}`,
      unitName: `Chi bộ “${i}”`,
      indicators: i % 3 === 0 ? ({} as Indicators) : { members_start: i, example_orgs_total: 2, example_orgs_committed: i % 2 },
    }));

  it.each([0, 1, 499, 500, 1_201])('gives exactly the breakdown of consolidateFigures for %i units', (n) => {
    const text = [...consolidatedBreakdownJson(definitions, units(n))].join('');
    expect(JSON.parse(text)).toEqual(consolidateFigures(definitions, units(n)).breakdown);
  });

  it('writes ten thousand units in pieces of at most a few hundred units', () => {
    const pieces = [...consolidatedBreakdownJson(definitions, units(10_000))];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40_000);
  });
});

describe('consolidatedHead', () => {
  it('puts the figures’ cut-off right after the unit and keeps every field of the head', () => {
    const head = { unitCode: 'DUK', unitName: 'Đảng bộ Khối các cơ quan Trung ương', included: ['r1'], missing: ['HLHPN-TG'], indicators: { lecturers: 2 } };
    const asOf = new Date('2019-09-20T08:15:00Z');
    const figures = { asOf, asOfSource: 'collected' as const, cutOffAt: new Date('2019-09-30T10:00:00Z'), collectedAt: asOf };
    const answer = consolidatedHead(head, figures);
    expect(Object.keys(answer)).toEqual(['unitCode', 'unitName', 'asOf', 'asOfSource', 'cutOffAt', 'collectedAt', 'included', 'missing', 'indicators']);
    expect(answer).toEqual({ ...head, ...figures });
  });
});
