import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden, Role } from '@app/domain';

/**
 * Answers who may act where. Roles are scoped to units; `admin` is global. Reading a report needs
 * a role on its unit or on a unit above it (reviewers, consolidators of the root).
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isAdmin(userId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'admin' LIMIT 1`, [userId]);
    return rows.length > 0;
  }

  async assertAdmin(userId: string): Promise<void> {
    if (!(await this.isAdmin(userId))) throw forbidden('Only an administrator may do this');
  }

  async holdsRole(userId: string, unitId: string, role: Role, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND unit_id = $2 AND role = $3`, [userId, unitId, role]);
    return rows.length > 0;
  }

  /** True for admins and for anyone with a role on the unit or any unit above it. */
  async canSeeUnit(userId: string, unitId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM role_assignments r
        WHERE r.user_id = $1
          AND (r.role = 'admin' OR r.unit_id = ANY (SELECT unnest(ancestor_ids) FROM org_units WHERE id = $2))
        LIMIT 1`,
      [userId, unitId],
    );
    return rows.length > 0;
  }

  async assertCanSeeUnit(userId: string, unitId: string): Promise<void> {
    if (!(await this.canSeeUnit(userId, unitId))) throw forbidden('You hold no role on this unit or above it');
  }
}
