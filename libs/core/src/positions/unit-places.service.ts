import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, inTransaction, lockUnitPlace, setUnitPlace } from '@app/dal';
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
      const unit = await lockUnitPlace(em, unitId);
      if (!unit) throw notFound('Unit', unitId);
      await setUnitPlace(em, unitId, place);
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'unit.place', data: { unit: unit.code, before: unit.place, after: place } },
      ]);
      return { id: unit.id, code: unit.code, place };
    });
  }
}
