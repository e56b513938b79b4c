import { ConsolidatedSection } from '@app/domain';
import { consolidatedHead, consolidatedSectionJson } from './consolidated-section-json';

const section = (n: number): ConsolidatedSection => ({
  key: 'political',
  title: 'Xây dựng Đảng về chính trị "cốt lõi"',
  parts: {
    strengths: Array.from({ length: n }, (_, i) => ({ unitCode: `C${i}`, text: `Ưu điểm ${i}\n"trích dẫn"` })),
    limitations: [],
    causes: [{ unitCode: 'A', text: 'Nguyên nhân' }],
    lessons: Array.from({ length: n * 2 }, (_, i) => ({ unitCode: `L${i}`, text: 'Bài học' })),
    directions: [],
  },
});

describe('consolidatedSectionJson', () => {
  it.each([0, 1, 199, 200, 201, 1_000])('gives exactly JSON.stringify of a section with %i texts per part', (n) => {
    const s = section(n);
    expect([...consolidatedSectionJson(s)].join('')).toBe(JSON.stringify(s));
  });

  it('writes a large section in many small pieces', () => {
    const pieces = [...consolidatedSectionJson(section(10_000))];
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(20_000);
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
