import { LevelGroup, LevelMember } from './level-group';
import { PREFILL_FULL_TEXT_MAX_UNITS, prefillContributors } from './synthesis-start';

const member = (i: number, parentId: string): LevelMember => ({
  reportId: `r${i}`,
  unitId: `u${i}`,
  parentId,
  code: `U${i}`,
  name: `Chi bộ số ${i}`,
  kind: 'cell',
  stage: 'consolidation',
  citedAs: `Chi bộ số ${i}`,
});
const group = (direct: number, below: number): LevelGroup => {
  const included = [...Array.from({ length: direct }, (_, i) => member(i, 'root')), ...Array.from({ length: below }, (_, i) => member(direct + i, 'u0'))];
  return { level: { id: 'root', code: 'DUK', name: 'Đảng bộ Khối', kind: 'bloc' }, members: included, included };
};

describe('whose texts a level’s report starts from', () => {
  it('every unit taken in, up to the limit', () => {
    expect(prefillContributors(group(10, PREFILL_FULL_TEXT_MAX_UNITS - 10))).toHaveLength(PREFILL_FULL_TEXT_MAX_UNITS);
  });

  it('beyond it, the units directly below only', () => {
    const chosen = prefillContributors(group(12, 5000));
    expect(chosen.map((m) => m.parentId)).toEqual(Array(12).fill('root'));
  });

  it('no text at all when even the units directly below are too many (the sources keep them all)', () => {
    expect(prefillContributors(group(PREFILL_FULL_TEXT_MAX_UNITS + 1, 0))).toEqual([]);
  });
});
