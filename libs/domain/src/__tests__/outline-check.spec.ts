import { DEFAULT_OUTLINE, FIVE_PART_OUTLINE } from '../default-outline';
import { GUIDANCE_MAX_LENGTH, outlineProblems } from '../outline-check';
import { OutlineSection } from '../types';

describe('a plan’s outline', () => {
  it('accepts the đề cương and the earlier five-part outline', () => {
    expect(outlineProblems(DEFAULT_OUTLINE)).toEqual([]);
    expect(outlineProblems(FIVE_PART_OUTLINE)).toEqual([]);
  });

  it('names each problem by its field', () => {
    const outline = [
      { key: 'a', title: 'A', required: true, part: 'VI', takes: ['text'] },
      { key: 'a', title: 'A again', required: true },
      { key: 'b', title: 'B', required: true, takes: [] },
      { key: 'c', title: 'C', required: true, takes: ['strengths', 'ketluan', 'strengths'] },
      { key: 'd', title: 'D', required: false, guidance: 'x'.repeat(GUIDANCE_MAX_LENGTH + 1) },
    ] as unknown as OutlineSection[];
    expect(outlineProblems(outline)).toEqual([
      'outline.0.part must be one of I, II, III, IV, V',
      'outline.1.key: section key a appears twice',
      expect.stringMatching(/^outline\.2\.takes must name at least one/),
      expect.stringMatching(/^outline\.3\.takes: ketluan is not one of/),
      'outline.3.takes names a text twice',
      expect.stringMatching(/^outline\.4\.guidance must be a text of at most 2000/),
    ]);
  });

  it('lets guidance run over several lines', () => {
    expect(outlineProblems([{ key: 'a', title: 'A', required: true, takes: ['text'], guidance: 'Dòng một.\nDòng hai.' }])).toEqual([]);
  });
});
