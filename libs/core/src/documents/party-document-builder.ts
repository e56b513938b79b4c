import { citationDate, documentDateLine, formatVietnamDate, numberLine, parseDateOnly, REPORT_TYPE_CODE, undatedLine } from '@app/domain';
import { openingParagraph, PlanReference } from './opening-paragraph';
import type { DocumentPart, FiguresTable, PartyDocument } from './party-document.model';
import { collectiveOf, issuerBlock, issuerCode, PartyUnit, recipientsOf, reportTitleFromPlan, signatureBlock, withFileCopy } from './party-forms';

/** What an adoption fixed for good: the number and symbol, the date, the place and the signer. */
export interface AdoptedAs {
  symbol: string;
  /** yyyy-mm-dd, the day in Viet Nam. */
  adoptedOn: string;
  place: string;
  signerName: string;
  signerPosition: 'bi_thu' | 'pho_bi_thu' | null;
}

export interface DocumentInput {
  unit: PartyUnit;
  parent: PartyUnit | null;
  /** Where the unit issues its documents now (a draft's place; an adopted document keeps its adoption's). */
  place: string;
  plan: PlanReference & {
    term: string;
    /** The plan's issuer, the root unit: its Standing Committee issued the plan. */
    root: PartyUnit;
    /** The plan's own Nơi nhận for the unit's level; null for the level's usual ones. */
    recipients: readonly string[] | null;
  };
  /** Null until the unit's committee adopts the report: the document is then a draft. */
  adoption: AdoptedAs | null;
  parts: DocumentPart[];
  bodyNote?: string;
  figures: { asOf: Date; tables: FiguresTable[]; note?: string };
  annex?: PartyDocument['annex'];
}

/**
 * A unit's report in the Party form: the header (issuer, number, place and date), BÁO CÁO and its
 * title, the opening basis paragraph, the parts, the signature and the recipients, the appendix of
 * figures. Before adoption it is a draft: marked so, with a blank number and date and no signature.
 * Adopted, everything the adoption fixed comes from it, so the document is the same at every download.
 */
export function buildPartyDocument(input: DocumentInput): PartyDocument {
  const { unit, parent, plan, adoption } = input;
  const collective = collectiveOf(unit);
  return {
    draft: adoption === null,
    ...issuerBlock(unit, parent),
    numberLine: numberLine(adoption?.symbol ?? null, REPORT_TYPE_CODE, issuerCode(unit)),
    dateLine: adoption ? documentDateLine(adoption.place, parseDateOnly(adoption.adoptedOn)) : undatedLine(input.place),
    typeName: 'BÁO CÁO',
    title: reportTitleFromPlan(plan.title),
    opening: [openingParagraph(plan, collectiveOf(plan.root), collective)],
    ...(input.bodyNote ? { bodyNote: input.bodyNote } : {}),
    parts: input.parts,
    signature: adoption ? signatureBlock(unit, adoption.signerPosition, adoption.signerName) : null,
    recipients: withFileCopy(plan.recipients ?? recipientsOf(unit, parent), unit),
    appendix: input.figures.tables.length
      ? {
          title: 'PHỤ LỤC',
          subtitle: `SỐ LIỆU CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ ${plan.term}`.toUpperCase(),
          attachedTo: adoption
            ? `(Kèm theo Báo cáo số ${adoption.symbol} ngày ${citationDate(parseDateOnly(adoption.adoptedOn))} của ${collective})`
            : `(Kèm theo dự thảo Báo cáo của ${collective})`,
          asOf: `Số liệu tính đến ngày ${formatVietnamDate(input.figures.asOf)}`,
          ...(input.figures.note ? { note: input.figures.note } : {}),
          tables: input.figures.tables,
        }
      : null,
    ...(input.annex ? { annex: input.annex } : {}),
  };
}
