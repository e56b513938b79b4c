import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { childUnitIds, OrgUnitEntity } from '@app/dal';
import { notFound } from '@app/domain';

/** The unit tree as people read it. Imports are OrgImports' (queued, applied by a worker). */
@Injectable()
export class OrgService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listUnits(): Promise<OrgUnitEntity[]> {
    return this.db.getRepository(OrgUnitEntity).find({ order: { depth: 'ASC', code: 'ASC' } });
  }

  async getUnit(id: string): Promise<OrgUnitEntity & { children: string[] }> {
    const unit = await this.db.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!unit) throw notFound('Unit', id);
    return { ...unit, children: await childUnitIds(this.db, id) };
  }

  async findUnitByCode(code: string, em: EntityManager = this.db.manager): Promise<OrgUnitEntity | null> {
    return em.getRepository(OrgUnitEntity).findOneBy({ code });
  }
}
