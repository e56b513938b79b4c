import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    const [row]: { id: string; code: string; kind: UnitKind; name: string; place: string; parent_kind: UnitKind | null; parent_name: string | null }[] =
      await this.db.query(
        `SELECT u.id, u.code, u.kind, u.name, u.place, p.kind AS parent_kind, p.name AS parent_name FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
        WHERE ${by === 'id' ? 'u.id = $1::uuid' : 'u.code = $1'}`,
        [code],
      );
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
    const [row]: { plan_id: string; code: string; sections: SectionMap; indicators: Indicators }[] = await this.db.query(
      `SELECT r.plan_id, u.code, r.sections, r.indicators FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1`,
      [reportId],
    );
    if (!row) throw notFound('Report', reportId);
    return { planId: row.plan_id, unit: await this.unit(row.code), sections: row.sections, indicators: row.indicators };
  }

  /**
   * What a consolidating level wrote as its own report: the Khối's, by its working group (the table
   * `level_reports`), or an intermediate đảng bộ's own report. Null while it has no text at all:
   * the document then carries the units' texts as they came up.
   */
  async levelText(planId: string, unit: { id: string }, isRoot: boolean): Promise<SectionMap | null> {
    const [row]: { sections: SectionMap }[] = isRoot
      ? await this.db.query(`SELECT sections FROM level_reports WHERE plan_id = $1 AND unit_id = $2`, [planId, unit.id])
      : await this.db.query(`SELECT sections FROM reports WHERE plan_id = $1 AND unit_id = $2`, [planId, unit.id]);
    const written =
      row && Object.values(row.sections ?? {}).some((content) => Object.values(content ?? {}).some((text) => typeof text === 'string' && text.trim() !== ''));
    return written ? row.sections : null;
  }

  /** The figures of the reports a consolidation took in, by unit, in unit code order; `parentId` to tell the units directly below. */
  async figuresOf(reportIds: readonly string[]): Promise<(FiguresRow & { parentId: string | null })[]> {
    if (reportIds.length === 0) return [];
    return this.db.query(
      `SELECT u.code AS "unitCode", u.name AS "unitName", u.parent_id AS "parentId", r.indicators
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = ANY($1::uuid[]) ORDER BY u.code`,
      [reportIds],
    );
  }

  /**
   * The unit that collects a unit's report for the plan: the nearest unit above it that consolidates
   * (its kind is in the plan's consolidateAt), else the root. Its cut-off is the date the plan
   * declared the figures are for.
   */
  async collectingUnitCode(plan: { rootUnitId: string; consolidateAt: UnitKind[] }, unitId: string): Promise<string> {
    const [row]: { code: string }[] = await this.db.query(
      `SELECT a.code FROM org_units u JOIN org_units a ON a.id = ANY(u.ancestor_ids)
        WHERE u.id = $1 AND a.id <> u.id AND $2 = ANY(a.ancestor_ids) AND (a.id = $2 OR a.kind = ANY($3::varchar[]))
        ORDER BY a.depth DESC LIMIT 1`,
      [unitId, plan.rootUnitId, plan.consolidateAt],
    );
    return row?.code ?? (await this.db.query(`SELECT code FROM org_units WHERE id = $1`, [plan.rootUnitId]))[0].code;
  }
}
