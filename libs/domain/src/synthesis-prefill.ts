import { partsOf } from './outline';
import { OutlineSection, SectionContent, SectionMap, SectionPart } from './types';

/** What one unit brings to a consolidating level's report: the name it is cited by and its approved texts. */
export interface Contribution {
  name: string;
  sections: SectionMap;
}

/** The paragraphs of a text as a person typed it: its non-blank lines, without surrounding spaces. */
export function paragraphsOf(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * One unit's text as a paragraph group of the synthesis: its paragraphs kept, the first led by the
 * unit's name ("Chi bộ Vụ Kế toán Nhà nước: …"); null when the unit wrote nothing there.
 */
export function attributedGroup(name: string, text: string | undefined | null): string | null {
  const [first, ...rest] = paragraphsOf(text);
  if (first === undefined) return null;
  return [`${name}: ${first}`, ...rest].join('\n');
}

/** A part of the synthesis from every contribution, in their order: one group per unit, a blank line between groups. */
export function synthesisOfPart(contributions: readonly Contribution[], key: string, part: SectionPart): string {
  return contributions
    .map((c) => attributedGroup(c.name, c.sections[key]?.[part]))
    .filter((group): group is string => group !== null)
    .join('\n\n');
}

/**
 * A consolidating level's report as its working group starts it: every part each outline item takes
 * gets the units' texts attributed by name, unless it already holds text of its own (an
 * intermediate unit's drafter may have written before the collection completed). The working group
 * then rewrites this into a synthesis; it is a starting point, not the report.
 */
export function prefillSections(outline: readonly OutlineSection[], contributions: readonly Contribution[], existing: SectionMap = {}): SectionMap {
  const sections: SectionMap = { ...existing };
  for (const item of outline) {
    const current: SectionContent = { ...(existing[item.key] ?? {}) };
    for (const part of partsOf(item)) {
      if (current[part]?.trim()) continue;
      const text = synthesisOfPart(contributions, item.key, part);
      if (text) current[part] = text;
    }
    sections[item.key] = current;
  }
  return sections;
}

/**
 * A level report's texts when the reports taken in have changed (a new round took in late ones):
 * an item the working group has not touched since it was pre-filled (its texts still equal the last
 * pre-fill) follows the new pre-fill; an item they wrote stays theirs, the new units' texts being in
 * the sources beside the editor.
 */
export function followPrefill(current: SectionMap, lastPrefill: SectionMap, newPrefill: SectionMap): SectionMap {
  const result: SectionMap = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(newPrefill)])) {
    const untouched = sameContent(current[key], lastPrefill[key]);
    const content = untouched ? newPrefill[key] : current[key];
    if (content !== undefined) result[key] = content;
  }
  return result;
}

function sameContent(a: SectionContent | undefined, b: SectionContent | undefined): boolean {
  const parts = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]) as Set<SectionPart>;
  return [...parts].every((part) => (a?.[part] ?? '').trim() === (b?.[part] ?? '').trim());
}
