import { DEFAULT_OUTLINE, FIVE_PART_OUTLINE } from '../default-outline';
import { missingSections } from '../missing-sections';
import { hasOutlineParts, partsNotTaken, partsOf, requiredPartsOf } from '../outline';

describe('the outline as the đề cương has it', () => {
  it('parts I to V: the situation, ten areas, assessment and lessons once, directions, proposals', () => {
    expect(DEFAULT_OUTLINE.map((s) => s.part)).toEqual(['I', 'II', 'II', 'II', 'II', 'II', 'II', 'II', 'II', 'II', 'II', 'III', 'III', 'IV', 'V']);
    expect(DEFAULT_OUTLINE.filter((s) => s.part === 'II').every((s) => partsOf(s).join() === 'strengths,limitations,causes')).toBe(true);
    expect(DEFAULT_OUTLINE.filter((s) => s.part !== 'II').every((s) => partsOf(s).join() === 'text')).toBe(true);
    expect(DEFAULT_OUTLINE.every((s) => s.guidance && s.guidance.length > 20)).toBe(true);
    expect(DEFAULT_OUTLINE.find((s) => s.part === 'V')!.guidance).toMatch(/Điều lệ Đảng/);
    expect(hasOutlineParts(DEFAULT_OUTLINE)).toBe(true);
  });

  it('plans made with the earlier outline keep their five parts per area', () => {
    expect(hasOutlineParts(FIVE_PART_OUTLINE)).toBe(false);
    expect(partsOf(FIVE_PART_OUTLINE[0])).toEqual(['strengths', 'limitations', 'causes', 'lessons', 'directions']);
    expect(requiredPartsOf(FIVE_PART_OUTLINE[0])).toEqual(['strengths', 'limitations']);
    expect(missingSections(FIVE_PART_OUTLINE.slice(0, 1), { political: { strengths: 'a', limitations: 'b' } })).toEqual([]);
  });

  it('a required one-text item needs its text; an area its strengths and limitations', () => {
    const context = DEFAULT_OUTLINE[0];
    const political = DEFAULT_OUTLINE[1];
    expect(missingSections([context, political], { context: { text: '  ' }, political: { strengths: 'a' } })).toEqual(['context', 'political']);
    expect(missingSections([context, political], { context: { text: 'Đơn vị có 3 chi bộ' }, political: { strengths: 'a', limitations: 'b' } })).toEqual([]);
  });

  it('names the parts an edit sends that the item does not take', () => {
    expect(partsNotTaken(DEFAULT_OUTLINE[0], { text: 'x', strengths: 'y' })).toEqual(['strengths']);
    expect(partsNotTaken(DEFAULT_OUTLINE[1], { strengths: 'x', lessons: 'y', text: undefined })).toEqual(['lessons']);
  });
});
