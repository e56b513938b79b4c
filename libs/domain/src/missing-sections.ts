import { requiredPartsOf } from './outline';
import { OutlineSection, SectionMap } from './types';

/**
 * Required items that cannot be submitted yet: an item taking one text needs it; an area needs at
 * least its strengths and its limitations (a report that praises without naming shortcomings is not
 * a summary).
 */
export function missingSections(outline: readonly OutlineSection[], sections: SectionMap): string[] {
  return outline
    .filter((section) => section.required)
    .filter((section) => requiredPartsOf(section).some((part) => isBlank(sections[section.key]?.[part])))
    .map((section) => section.key);
}

function isBlank(text: string | undefined): boolean {
  return !text || text.trim().length === 0;
}
