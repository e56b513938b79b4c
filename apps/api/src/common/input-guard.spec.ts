import { bodyProblem, pathProblem } from './input-guard';

function run(url: string, body: unknown): number | 'next' {
  return (pathProblem(url) ?? bodyProblem(body)) ? 400 : 'next';
}

describe('the input guard', () => {
  it('lets ordinary input through, Vietnamese included', () => {
    expect(run('/api/plans', { title: 'Kế hoạch tổng kết', outline: [{ key: 'a' }] })).toBe('next');
  });
  it('refuses NUL characters in the path, the values and the keys', () => {
    expect(run('/api/workflows/a%00b', undefined)).toBe(400);
    expect(run('/api/plans', { title: 'a\u0000b' })).toBe(400);
    expect(run('/api/plans', { ['k\u0000']: 1 })).toBe(400);
  });
  it('refuses bodies nested deeper than any DTO, without recursing itself', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(run('/api/plans', deep)).toBe(400);
  });
  it('refuses broken percent-encoding', () => {
    expect(run('/api/plans/%E0%A4%A', undefined)).toBe(400);
  });
  it('checks the path only, not the query (the DTOs check that)', () => {
    expect(run('/api/plans?q=%E0%A4%A', undefined)).toBe('next');
    expect(run('/api/plans%00?q=1', undefined)).toBe(400);
  });
});
