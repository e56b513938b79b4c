import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, inTransaction, lockUserIdByUsername, unitIdsByCode } from '@app/dal';
import { invalid, notFound, Position } from '@app/domain';
import { Actor } from '../common/actor';
import { UsersService } from '../org/users.service';
import { positionsOf, replacePositions } from './position-assignments';

/** Administrators set the positions people hold (chức vụ); imports set them too (OrgImportApplier). */
@Injectable()
export class PositionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  /**
   * Replaces a person's positions with the given ones, audited with the lists before and after.
   * A second Bí thư for a unit is refused (409) naming who holds the post.
   */
  async replace(username: string, positions: { unit: string; position: Position }[], actor: Actor) {
    const repeated = positions.find((p, i) => positions.findIndex((q) => q.unit === p.unit) !== i);
    if (repeated) throw invalid(`positions: unit ${repeated.unit} appears twice (one position per unit)`);
    await inTransaction(this.db, async (em) => {
      const userId = await lockUserIdByUsername(em, username);
      if (!userId) throw notFound('User', username);
      const codes = [...new Set(positions.map((p) => p.unit))];
      const units = codes.length ? await unitIdsByCode(em, codes) : [];
      const unknown = codes.filter((c) => !units.some((u) => u.code === c));
      if (unknown.length) throw invalid(`positions: unknown unit codes ${unknown.join(', ')}`);
      const idOf = new Map(units.map((u) => [u.code, u.id]));
      const before = (await positionsOf(em, userId)).map(({ unitCode, position }) => ({ unit: unitCode, position }));
      const changes = await replacePositions(em, [
        {
          userId,
          username,
          positions: positions.map((p) => ({ unitId: idOf.get(p.unit)!, unitCode: p.unit, position: p.position })),
        },
      ]);
      const after = (await positionsOf(em, userId)).map(({ unitCode, position }) => ({ unit: unitCode, position }));
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'positions.change',
          data: { username, before, after, added: changes.added.get(username) ?? [], removed: changes.removed.get(username) ?? [] },
        },
      ]);
    });
    return this.users.get(username);
  }
}
