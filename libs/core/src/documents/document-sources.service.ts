import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  findCollectingUnitCode,
  findDocumentUnit,
  findLevelReportSections,
  findReportDocumentSource,
  findUnitReportSections,
  listReportFiguresByUnit,
} from '@app/dal';
import { Indicators, notFound, SectionMap, UnitKind } from '@app/domain';
import type { FiguresRow } from './figures-appendix';
import type { PartyUnit } from './party-forms';

export interface DocumentUnit extends PartyUnit {
  id: string;
  code: string;
  place: string;
  parent: PartyUnit | null;
}

export interface ReportSource {
  planId: string;
  unit: DocumentUnit;
  sections: SectionMap;
  indicators: Indicators;
}

/** The rows a Party document is made of, each read with one small query. */
@Injectable()
export class DocumentSources {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A unit by its code, or by its id. */
  async unit(code: string, by: 'code' | 'id' = 'code'): Promise<DocumentUnit> {
    const row = await findDocumentUnit(this.db, code, by);
    if (!row) throw notFound('Unit', code);
    return {
      id: row.id,
      code: row.code,
      kind: row.kind,
      name: row.name,
      place: row.place,
      parent: row.parent_kind && row.parent_name ? { kind: row.parent_kind, name: row.parent_name } : null,
    };
  }

  /** A unit's report: its texts and figures, and its unit. */
  async report(reportId: string): Promise<ReportSource> {
    const row = await findReportDocumentSource(this.db, reportId);
    if (!row) throw notFound('Report', reportId);
    return { planId: row.plan_id, unit: await this.unit(row.code), sections: row.sections, indicators: row.indicators };
  }

  /**
   * What a consolidating level wrote as its own report: the Khối's, by its working group (the table
   * `level_reports`), or an intermediate đảng bộ's own report. Null while it has no text at all:
   * the document then carries the units' texts as they came up.
   */
  async levelText(planId: string, unit: { id: string }, isRoot: boolean): Promise<SectionMap | null> {
    const row = isRoot ? await findLevelReportSections(this.db, planId, unit.id) : await findUnitReportSections(this.db, planId, unit.id);
    const written =
      row && Object.values(row.sections ?? {}).some((content) => Object.values(content ?? {}).some((text) => typeof text === 'string' && text.trim() !== ''));
    return written ? row.sections : null;
  }

  /** The figures of the reports a consolidation took in, by unit, in unit code order; `parentId` to tell the units directly below. */
  async figuresOf(reportIds: readonly string[]): Promise<(FiguresRow & { parentId: string | null })[]> {
    if (reportIds.length === 0) return [];
    return listReportFiguresByUnit(this.db, reportIds);
  }

  /**
   * The unit that collects a unit's report for the plan: the nearest unit above it that consolidates
   * (its kind is in the plan's consolidateAt), else the root. Its cut-off is the date the plan
   * declared the figures are for.
   */
  async collectingUnitCode(plan: { rootUnitId: string; consolidateAt: UnitKind[] }, unitId: string): Promise<string> {
    return findCollectingUnitCode(this.db, unitId, plan.rootUnitId, plan.consolidateAt);
  }
}
