import { OUTLINE_PARTS, OutlineSection, SECTION_PARTS } from './types';

/** The longest guidance an outline item may carry: a paragraph or two for the writer, not a document. */
export const GUIDANCE_MAX_LENGTH = 2000;

/**
 * What makes a plan's outline unusable, each problem naming its field (`outline.3.takes`): a key used
 * twice, a part other than I–V, texts to take that are none of the six, repeated or none at all, a
 * guidance too long. Items without `takes` keep the five parts of the earlier outline.
 */
export function outlineProblems(outline: readonly OutlineSection[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  outline.forEach((item, i) => {
    const field = `outline.${i}`;
    if (seen.has(item.key)) problems.push(`${field}.key: section key ${item.key} appears twice`);
    seen.add(item.key);
    if (item.part !== undefined && !(OUTLINE_PARTS as readonly string[]).includes(item.part)) {
      problems.push(`${field}.part must be one of ${OUTLINE_PARTS.join(', ')}`);
    }
    if (item.takes !== undefined) {
      if (!Array.isArray(item.takes) || item.takes.length === 0) problems.push(`${field}.takes must name at least one of ${SECTION_PARTS.join(', ')}`);
      else {
        const unknown = item.takes.filter((part) => !(SECTION_PARTS as readonly string[]).includes(part));
        if (unknown.length) problems.push(`${field}.takes: ${unknown.join(', ')} is not one of ${SECTION_PARTS.join(', ')}`);
        if (new Set(item.takes).size !== item.takes.length) problems.push(`${field}.takes names a text twice`);
      }
    }
    if (item.guidance !== undefined && (typeof item.guidance !== 'string' || item.guidance.length > GUIDANCE_MAX_LENGTH)) {
      problems.push(`${field}.guidance must be a text of at most ${GUIDANCE_MAX_LENGTH} characters`);
    }
  });
  return problems;
}
