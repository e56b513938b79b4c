import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { adoptionsOfUnit, currentAdoptionOf, planAndUnitOfReport } from '@app/dal';
import { notFound } from '@app/domain';
import { AccessService } from '../org/access.service';
import { AdoptionRow } from '@app/dal';
import { AdoptionView, toAdoptionView } from './adoption-view';

/** Reading adoptions: the current one of a report or of a unit's level, and the superseded ones before it. */
@Injectable()
export class Adoptions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** A report's adoption, for whoever may read the report. */
  async ofReport(reportId: string, userId: string): Promise<{ current: AdoptionView | null; history: AdoptionView[] }> {
    const report = await planAndUnitOfReport(this.db, reportId);
    if (!report) throw notFound('Report', reportId);
    await this.access.assertCanSeeUnit(userId, report.unit_id);
    return this.ofUnit(report.plan_id, report.unit_id);
  }

  /** Every adoption of a unit in a plan, newest first: the current one, and those superseded by a return. */
  async ofUnit(planId: string, unitId: string, em: EntityManager = this.db.manager): Promise<{ current: AdoptionView | null; history: AdoptionView[] }> {
    const rows = await adoptionsOfUnit(em, planId, unitId);
    const views = rows.map(toAdoptionView);
    return { current: views.find((v) => v.supersededAt === null) ?? null, history: views };
  }

  /** The current adoption's row, as the documents print it. */
  async currentRow(planId: string, unitId: string): Promise<AdoptionRow | null> {
    return currentAdoptionOf(this.db, planId, unitId);
  }
}
