import { figureTotals, IndicatorDefinition } from './indicators';
import { partsOf } from './outline';
import { Indicators, OutlinePart, OutlineSection, SECTION_PARTS, SectionContent, SectionMap, SectionPart } from './types';

export interface ConsolidationInput {
  reportId: string;
  unitCode: string;
  unitName: string;
  sections: SectionMap;
  indicators: Indicators;
}

/** One unit's text, with the code tools key on and the name people cite it by. */
export interface AttributedText {
  unitCode: string;
  unitName: string;
  text: string;
}

export interface ConsolidatedSection {
  key: string;
  title: string;
  /** The part of the report (I–V) the item belongs to; absent for plans made with the five-part outline. */
  part?: OutlinePart;
  /** The texts the item takes: only these carry the units' texts, the others stay empty. */
  takes: SectionPart[];
  /** Every text an item can take (the contract's five parts and `text`), each with the units' texts. */
  parts: Record<SectionPart, AttributedText[]>;
}

export interface Consolidated {
  included: string[];
  sections: ConsolidatedSection[];
  /** The figures as the domain page adds them up (figureTotals): a figure nobody reported is absent. */
  indicators: Indicators;
}

/** Merges approved reports: per item and text each unit's text attributed to it; the figures added up. */
export function consolidate(outline: readonly OutlineSection[], reports: readonly ConsolidationInput[], figures: readonly IndicatorDefinition[]): Consolidated {
  const ordered = [...reports].sort(byUnitCode);
  const sections = outline.map((section) =>
    consolidateSection(
      section,
      ordered.map((r) => ({ unitCode: r.unitCode, unitName: r.unitName, parts: r.sections[section.key] })),
    ),
  );
  return { included: ordered.map((r) => r.reportId), sections, indicators: figureTotals(figures, ordered) };
}

/** The order units appear in a consolidation. */
export const byUnitCode = (a: { unitCode: string }, b: { unitCode: string }): number => a.unitCode.localeCompare(b.unitCode);

/**
 * One section of a consolidation from each unit's texts of that section, given in `byUnitCode`
 * order: a large consolidation is built (and sent) one section at a time. A text the item does not
 * take is left out even when stored (it is no part of the report).
 */
export function consolidateSection(
  section: OutlineSection,
  units: readonly { unitCode: string; unitName: string; parts: SectionContent | null | undefined }[],
): ConsolidatedSection {
  const takes = partsOf(section);
  const taken = new Set(takes);
  const parts = Object.fromEntries(
    SECTION_PARTS.map((part) => [
      part,
      taken.has(part)
        ? units.flatMap((unit) => {
            const text = unit.parts?.[part]?.trim();
            return text ? [{ unitCode: unit.unitCode, unitName: unit.unitName, text }] : [];
          })
        : [],
    ]),
  ) as Record<SectionPart, AttributedText[]>;
  return { key: section.key, title: section.title, ...(section.part ? { part: section.part } : {}), takes, parts };
}
