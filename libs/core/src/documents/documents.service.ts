import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PlanEntity } from '@app/dal';
import { SectionMap } from '@app/domain';
import { AdoptedAs } from './party-document-builder';
import { Adoptions } from '../adoption/adoptions.service';
import { ConsolidationService } from '../consolidation/consolidation.service';
import { AccessService } from '../org/access.service';
import { PlansService } from '../plans/plans.service';
import { documentParts, TextsOf } from './document-body';
import { DocumentSources, DocumentUnit } from './document-sources.service';
import { DocxRenderPool } from './docx-render-pool.service';
import { FiguresCutOff } from './figures-cut-off.service';
import { FiguresRow, figuresTables } from './figures-appendix';
import { buildPartyDocument } from './party-document-builder';
import { completenessAnnex } from './completeness-annex';
import { attributed, textParagraphs } from './paragraphs';

/**
 * Party documents (.docx): a unit's report, and a consolidating unit's report. A draft until the
 * unit's committee adopts it; adopted, it carries the number, date, place and signer the adoption
 * fixed. Rendered off the event loop by DocxRenderPool.
 */
@Injectable()
export class DocumentsService {
  /** Beyond this many included units, the document carries the texts of the units directly below only. */
  private readonly fullTextLimit: number;

  constructor(
    private readonly sources: DocumentSources,
    private readonly access: AccessService,
    private readonly plans: PlansService,
    private readonly consolidation: ConsolidationService,
    private readonly adoptions: Adoptions,
    private readonly cutOff: FiguresCutOff,
    private readonly renderer: DocxRenderPool,
    config: AppConfig,
  ) {
    this.fullTextLimit = config.DOCX_FULL_TEXT_MAX_UNITS;
  }

  async reportDocx(reportId: string, userId: string): Promise<{ fileName: string; content: Buffer }> {
    const report = await this.sources.report(reportId);
    await this.access.assertCanSeeUnit(userId, report.unit.id);
    const plan = await this.plans.get(report.planId);
    const collecting = await this.sources.collectingUnitCode(plan, report.unit.id);
    const document = await this.build(plan, report.unit, {
      textsOf: ownTexts(report.sections),
      figures: { rows: [{ unitCode: report.unit.code, unitName: report.unit.name, indicators: report.indicators }], totalOf: null },
      asOfUnit: collecting,
    });
    return { fileName: `bao-cao-${report.unit.code}.docx`, content: await this.renderer.render(document) };
  }

  /**
   * A consolidating unit's report: what its level wrote (the Khối's working group, an intermediate
   * đảng bộ's own report), else the texts of the units below as they came up, each under the unit's
   * name; the figures of every unit taken in and their total; which reports were taken in.
   */
  async consolidatedDocx(planId: string, userId: string, unitCode?: string): Promise<{ fileName: string; content: Buffer }> {
    const merged = await this.consolidation.forDocument(planId, userId, unitCode, this.fullTextLimit);
    const plan = await this.plans.get(planId);
    const unit = await this.sources.unit(merged.unitCode);
    const own = await this.sources.levelText(planId, unit, unit.id === plan.rootUnitId);
    const names = new Map(merged.completeness.rows.map((r) => [r.unitCode, r.unitName]));
    const sections = new Map(merged.sections.map((s) => [s.key, s.parts as Partial<Record<string, { unitCode: string; text: string }[]>>]));
    const pasted: TextsOf = (section, part) =>
      (sections.get(section.key)?.[part] ?? []).flatMap((t) => attributed(names.get(t.unitCode) ?? t.unitCode, t.text));
    const figures = await this.sources.figuresOf(merged.included);
    const listed = merged.abridged ? figures.filter((f) => f.parentId === unit.id) : figures;
    const document = await this.build(plan, unit, {
      textsOf: own ? ownTexts(own) : pasted,
      // Once, not under every part: the reader needs to be told only once what the document leaves out.
      bodyNote:
        merged.abridged && !own
          ? `(Báo cáo này trích nội dung của các đơn vị trực thuộc trực tiếp; toàn văn báo cáo của ${merged.included.length} đơn vị đã tổng hợp xem trong báo cáo tổng hợp điện tử.)`
          : undefined,
      figures: { rows: listed, totalOf: figures },
      figuresNote: merged.abridged
        ? `Các bảng liệt kê ${listed.length} đơn vị trực thuộc trực tiếp; dòng TỔNG SỐ cộng số liệu của cả ${figures.length} đơn vị đã tổng hợp.`
        : undefined,
      asOfUnit: merged.unitCode,
      annex: completenessAnnex(merged.completeness, merged.abridged),
    });
    return { fileName: `bao-cao-tong-hop-${merged.unitCode}.docx`, content: await this.renderer.render(document) };
  }

  private async build(
    plan: PlanEntity,
    unit: DocumentUnit,
    content: {
      textsOf: TextsOf;
      bodyNote?: string;
      figures: { rows: FiguresRow[]; totalOf: FiguresRow[] | null };
      figuresNote?: string;
      asOfUnit: string;
      annex?: ReturnType<typeof completenessAnnex>;
    },
  ) {
    const [adoption, cutOff, root] = await Promise.all([
      this.adoptions.currentRow(plan.id, unit.id),
      this.cutOff.of(plan.id, content.asOfUnit),
      this.sources.unit(plan.rootUnitId, 'id'),
    ]);
    const adopted: AdoptedAs | null = adoption
      ? {
          symbol: adoption.symbol,
          adoptedOn: adoption.adopted_on,
          place: adoption.place,
          signerName: adoption.signer_name,
          signerPosition: adoption.signer_position,
        }
      : null;
    return buildPartyDocument({
      unit,
      parent: unit.parent,
      place: unit.place,
      plan: {
        code: plan.code,
        issuedOn: plan.issuedOn,
        title: plan.title,
        term: plan.term,
        basis: plan.basis,
        root,
        recipients: plan.recipients?.[unit.kind] ?? null,
      },
      adoption: adopted,
      parts: documentParts(plan.outline, content.textsOf),
      bodyNote: content.bodyNote,
      // The date the plan declared the figures are for: the collection's cut-off, else its deadline.
      figures: {
        asOf: cutOff.cutOffAt ?? cutOff.asOf,
        tables: figuresTables(plan.term, plan.indicatorNames, content.figures.rows, content.figures.totalOf),
        note: content.figuresNote,
      },
      annex: content.annex,
    });
  }
}

/** A report's own texts, each paragraph, list item and table as its writer wrote it. */
function ownTexts(sections: SectionMap): TextsOf {
  return (section, part) => textParagraphs(sections[section.key]?.[part]);
}
