import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { holdsAdminRole, holdsRoleAtUnit, holdsRoleOnUnitOrAbove } from '@app/dal';
import { forbidden, Role } from '@app/domain';

/**
 * Answers who may act where. Roles are scoped to units; `admin` is global. Reading a report needs
 * a role on its unit or on a unit above it (reviewers, consolidators of the root).
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isAdmin(userId: string): Promise<boolean> {
    return holdsAdminRole(this.db, userId);
  }

  async assertAdmin(userId: string): Promise<void> {
    if (!(await this.isAdmin(userId))) throw forbidden('Only an administrator may do this');
  }

  async holdsRole(userId: string, unitId: string, role: Role, em: EntityManager = this.db.manager): Promise<boolean> {
    return holdsRoleAtUnit(em, userId, unitId, role);
  }

  /** True for admins and for anyone with a role on the unit or any unit above it. */
  async canSeeUnit(userId: string, unitId: string): Promise<boolean> {
    return holdsRoleOnUnitOrAbove(this.db, userId, unitId);
  }

  async assertCanSeeUnit(userId: string, unitId: string): Promise<void> {
    if (!(await this.canSeeUnit(userId, unitId))) throw forbidden('You hold no role on this unit or above it');
  }
}
