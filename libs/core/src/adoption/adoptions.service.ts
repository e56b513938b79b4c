import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '@app/domain';
import { AccessService } from '../org/access.service';
import { ADOPTION_COLUMNS, AdoptionRow, AdoptionView, toAdoptionView } from './adoption-view';

/** Reading adoptions: the current one of a report or of a unit's level, and the superseded ones before it. */
@Injectable()
export class Adoptions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** A report's adoption, for whoever may read the report. */
  async ofReport(reportId: string, userId: string): Promise<{ current: AdoptionView | null; history: AdoptionView[] }> {
    const [report]: { plan_id: string; unit_id: string }[] = await this.db.query(`SELECT plan_id, unit_id FROM reports WHERE id = $1`, [reportId]);
    if (!report) throw notFound('Report', reportId);
    await this.access.assertCanSeeUnit(userId, report.unit_id);
    return this.ofUnit(report.plan_id, report.unit_id);
  }

  /** Every adoption of a unit in a plan, newest first: the current one, and those superseded by a return. */
  async ofUnit(planId: string, unitId: string, em: EntityManager = this.db.manager): Promise<{ current: AdoptionView | null; history: AdoptionView[] }> {
    const rows: AdoptionRow[] = await em.query(
      `SELECT ${ADOPTION_COLUMNS} FROM adoptions a JOIN org_units o ON o.id = a.unit_id WHERE a.plan_id = $1 AND a.unit_id = $2 ORDER BY a.adopted_at DESC, a.round DESC`,
      [planId, unitId],
    );
    const views = rows.map(toAdoptionView);
    return { current: views.find((v) => v.supersededAt === null) ?? null, history: views };
  }

  /** The current adoption's row, as the documents print it. */
  async currentRow(planId: string, unitId: string): Promise<AdoptionRow | null> {
    const [row]: AdoptionRow[] = await this.db.query(
      `SELECT ${ADOPTION_COLUMNS} FROM adoptions a JOIN org_units o ON o.id = a.unit_id WHERE a.plan_id = $1 AND a.unit_id = $2 AND a.superseded_at IS NULL`,
      [planId, unitId],
    );
    return row ?? null;
  }
}
