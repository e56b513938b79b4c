import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { notFound } from '@app/domain';
import { Actor } from '../common/actor';

/**
 * Where a unit issues its documents (the place of "Hà Nội, ngày …"), set by administrators or by an
 * import. A document already adopted keeps the place it was adopted with.
 */
@Injectable()
export class UnitPlaces {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async set(unitId: string, place: string, actor: Actor): Promise<{ id: string; code: string; place: string }> {
    return inTransaction(this.db, async (em) => {
      const [unit]: { id: string; code: string; place: string }[] = await em.query(`SELECT id, code, place FROM org_units WHERE id = $1 FOR NO KEY UPDATE`, [
        unitId,
      ]);
      if (!unit) throw notFound('Unit', unitId);
      await em.query(`UPDATE org_units SET place = $2, updated_at = now() WHERE id = $1`, [unitId, place]);
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'unit.place', data: { unit: unit.code, before: unit.place, after: place } },
      ]);
      return { id: unit.id, code: unit.code, place };
    });
  }
}
