import { OutlineSection, SectionMap } from './types';

/**
 * Required sections that cannot be submitted yet: a section needs at least its strengths and its
 * limitations; a report that praises without naming shortcomings is not a summary.
 */
export function missingSections(outline: readonly OutlineSection[], sections: SectionMap): string[] {
  return outline
    .filter((section) => section.required)
    .filter((section) => {
      const content = sections[section.key] ?? {};
      return isBlank(content.strengths) || isBlank(content.limitations);
    })
    .map((section) => section.key);
}

function isBlank(text: string | undefined): boolean {
  return !text || text.trim().length === 0;
}
