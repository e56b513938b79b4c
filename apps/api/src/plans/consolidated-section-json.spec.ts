import { ConsolidatedSection } from '@app/domain';
import { consolidatedSectionJson } from './consolidated-section-json';

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
