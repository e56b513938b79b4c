import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { planCodeOf } from '@app/dal';
import { applyFigureEdit, IndicatorDefinition, invalid, planIndicators } from '@app/domain';
import { Actor } from '../common/actor';
import { ConsolidationService } from '../consolidation/consolidation.service';
import { toReportView } from '../reports/report-view';
import { ReportsService } from '../reports/reports.service';
import { CellPlace, CellProblem, ReadAppendix, readAppendix } from './appendix-reader';
import { appendixTemplate } from './appendix-template';
import { writeConsolidatedFigures } from './consolidated-figures-workbook';
import { assertSafeXlsxArchive, XlsxFileRefused } from './xlsx-archive-guard';

const NO_PLACE: CellPlace = { sheet: '', row: 0, column: '', cell: '' };

/**
 * The appendix of figures as Excel workbooks: a report's template to fill offline, its upload by the
 * drafter (every bad cell named, nothing changed unless all are right, then one audited edit), and
 * a consolidating unit's figures unit by unit.
 */
@Injectable()
export class FiguresWorkbooks {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly consolidation: ConsolidationService,
  ) {}

  /** The report's appendix with its current figures, for whoever may read the report. */
  async template(reportId: string, userId: string): Promise<{ fileName: string; content: Buffer }> {
    const row = await this.reports.readable(reportId, userId);
    const code = await planCodeOf(this.db, row.plan_id);
    const { definitions, groups } = planIndicators(row.term, row.indicator_names);
    const view = toReportView(row);
    const content = await appendixTemplate({
      unitCode: row.unit_code,
      unitName: row.unit_name,
      planCode: code,
      term: row.term,
      definitions,
      groups,
      entered: view.indicators,
      derived: view.derivedIndicators,
    });
    return { fileName: `so-lieu-${row.unit_code}.xlsx`, content };
  }

  /**
   * A filled appendix uploaded by the report's drafter while drafting. Refused before the file is
   * opened when the caller could not edit the figures now (403/409); refused whole, with every bad
   * cell by sheet, row and column (`problems`), when any value is wrong; else applied as one edit.
   */
  async upload(reportId: string, bytes: Buffer, actor: Actor) {
    const row = await this.reports.assertCanEditDraft(reportId, actor);
    const { definitions } = planIndicators(row.term, row.indicator_names);
    const read = await this.open(bytes, definitions);
    const problems = read.problems.length ? read.problems : contradictions(definitions, row.indicators, read);
    if (problems.length) {
      throw invalid(`Bảng tính có ${problems.length} ô chưa hợp lệ; chưa lưu số liệu nào. Sửa các ô được nêu rồi tải lên lại.`, { problems });
    }
    return this.reports.updateIndicators(reportId, read.edit, actor, 'xlsx');
  }

  /**
   * A consolidating unit's figures per unit below it with the totals (the root by default), for the
   * readers of its consolidation; the workbook is written to `out` as it is built.
   */
  async consolidatedByUnit(planId: string, userId: string, unitCode: string | undefined) {
    const figures = await this.consolidation.figuresByUnit(planId, userId, unitCode);
    return {
      fileName: `so-lieu-tong-hop-${figures.unitCode}.xlsx`,
      write: (out: Writable) =>
        writeConsolidatedFigures(out, {
          planCode: figures.plan.code,
          term: figures.plan.term,
          unitCode: figures.unitCode,
          unitName: figures.unitName,
          definitions: figures.definitions,
          groups: figures.groups,
          units: figures.units,
          totals: figures.totals,
          missing: figures.missingUnits,
        }),
    };
  }

  private async open(bytes: Buffer, definitions: readonly IndicatorDefinition[]) {
    try {
      await assertSafeXlsxArchive(bytes);
      return await readAppendix(bytes, definitions);
    } catch (error) {
      if (error instanceof XlsxFileRefused) throw invalid(error.message, { problems: [{ ...NO_PLACE, message: error.message }] });
      throw error;
    }
  }
}

/**
 * Figures right one by one but contradicting each other once applied (more committed than required),
 * each placed at its cell, or at the cell of the figure it is compared with when the file lacks it.
 */
function contradictions(definitions: readonly IndicatorDefinition[], stored: Record<string, number>, read: ReadAppendix): CellProblem[] {
  const { problems } = applyFigureEdit(definitions, stored, read.edit);
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return Object.entries(problems).map(([key, message]) => {
    const counterpart = definitions.find((d) => d.derivedFrom?.numerator === key)?.derivedFrom?.denominator;
    const place = read.places.get(key) ?? (counterpart ? read.places.get(counterpart) : undefined) ?? NO_PLACE;
    return { ...place, key, message: `${byKey.get(key)?.label ?? key}: ${message}` };
  });
}
