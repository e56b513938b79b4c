import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction, OrgUnitEntity } from '@app/dal';
import { ancestorPaths, invalid, notFound, Role } from '@app/domain';
import { Actor } from '../common/actor';
import { ApproverSync, RoleChange } from './approver-sync.service';
import { OrgImport } from './org-import';

/** The unit tree, users and their roles. Import is idempotent by unit code and username. */
@Injectable()
export class OrgService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly approvers: ApproverSync,
  ) {}

  async import(data: OrgImport, actor: Actor): Promise<{ units: number; users: number }> {
    await this.assertReferencesKnown(data);
    // Hash before the transaction: argon2 is deliberately slow and must not hold locks.
    const hashes = await Promise.all(data.users.map((u) => hash(u.password)));
    const outcome = await inTransaction(this.db, async (em) => {
      const unitIds = await this.upsertUnits(em, data.units);
      await this.recomputeAncestors(em);
      const changes = await this.upsertUsers(em, data, hashes, unitIds);
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'org.import', data: { units: data.units.length, users: data.users.length, roleChanges: changes.length } },
      ]);
      return this.approvers.sync(em, changes, actor);
    });
    await this.approvers.afterCommit(outcome);
    return { units: data.units.length, users: data.users.length };
  }

  async listUnits(): Promise<OrgUnitEntity[]> {
    return this.db.getRepository(OrgUnitEntity).find({ order: { depth: 'ASC', code: 'ASC' } });
  }

  async getUnit(id: string): Promise<OrgUnitEntity & { children: string[] }> {
    const unit = await this.db.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!unit) throw notFound('Unit', id);
    const children: { id: string }[] = await this.db.query(`SELECT id FROM org_units WHERE parent_id = $1 ORDER BY code`, [id]);
    return { ...unit, children: children.map((c) => c.id) };
  }

  async findUnitByCode(code: string, em: EntityManager = this.db.manager): Promise<OrgUnitEntity | null> {
    return em.getRepository(OrgUnitEntity).findOneBy({ code });
  }

  /** Every code the import refers to must be in the import or already known; duplicates are refused. */
  private async assertReferencesKnown(data: OrgImport): Promise<void> {
    const duplicate = (values: string[]) => values.find((v, i) => values.indexOf(v) !== i);
    const dupUnit = duplicate(data.units.map((u) => u.code));
    if (dupUnit) throw invalid(`units: code ${dupUnit} appears twice`);
    const dupUser = duplicate(data.users.map((u) => u.username));
    if (dupUser) throw invalid(`users: username ${dupUser} appears twice`);
    const given = new Set(data.units.map((u) => u.code));
    const referenced = new Set([
      ...data.units.flatMap((u) => (u.parent ? [u.parent] : [])),
      ...data.users.flatMap((u) => u.roles.map((r) => r.unit)),
    ]);
    const outside = [...referenced].filter((code) => !given.has(code));
    const known: { code: string }[] = outside.length ? await this.db.query(`SELECT code FROM org_units WHERE code = ANY($1)`, [outside]) : [];
    const unknown = outside.filter((code) => !known.some((k) => k.code === code));
    if (unknown.length) throw invalid(`Unknown unit codes: ${unknown.join(', ')}`);
    const selfParent = data.units.find((u) => u.parent === u.code);
    if (selfParent) throw invalid(`units: ${selfParent.code} cannot be its own parent`);
  }

  private async upsertUnits(em: EntityManager, units: OrgImport['units']): Promise<Map<string, string>> {
    for (let start = 0; start < units.length; start += 2000) {
      const chunk = units.slice(start, start + 2000);
      await em.query(
        `INSERT INTO org_units (code, name, kind)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, updated_at = now()`,
        [chunk.map((u) => u.code), chunk.map((u) => u.name), chunk.map((u) => u.kind)],
      );
    }
    const codes = [...new Set([...units.map((u) => u.code), ...units.flatMap((u) => (u.parent ? [u.parent] : []))])];
    const rows: { id: string; code: string }[] = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [codes]);
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    await em.query(
      `UPDATE org_units u SET parent_id = p.parent_id
         FROM unnest($1::uuid[], $2::uuid[]) AS p(id, parent_id)
        WHERE u.id = p.id AND u.parent_id IS DISTINCT FROM p.parent_id`,
      [units.map((u) => ids.get(u.code)), units.map((u) => (u.parent ? ids.get(u.parent) : null))],
    );
    return ids;
  }

  private async recomputeAncestors(em: EntityManager): Promise<void> {
    const nodes: { id: string; parentId: string | null }[] = await em.query(`SELECT id, parent_id AS "parentId" FROM org_units`);
    const paths = ancestorPaths(nodes);
    const ids = [...paths.keys()];
    await em.query(
      `UPDATE org_units u SET ancestor_ids = p.path::uuid[], depth = cardinality(p.path::uuid[]) - 1
         FROM unnest($1::uuid[], $2::text[]) AS p(id, path)
        WHERE u.id = p.id AND u.ancestor_ids IS DISTINCT FROM p.path::uuid[]`,
      [ids, ids.map((id) => `{${paths.get(id)!.join(',')}}`)],
    );
  }

  /** Users are upserted; each imported user's roles become exactly the listed ones. Returns the changes. */
  private async upsertUsers(em: EntityManager, data: OrgImport, hashes: string[], unitIds: Map<string, string>): Promise<RoleChange[]> {
    const users = data.users;
    for (let start = 0; start < users.length; start += 2000) {
      const chunk = users.slice(start, start + 2000);
      await em.query(
        `INSERT INTO users (username, full_name, email, password_hash)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[])
         ON CONFLICT (username) DO UPDATE SET full_name = EXCLUDED.full_name, email = EXCLUDED.email,
           password_hash = EXCLUDED.password_hash, updated_at = now()`,
        [chunk.map((u) => u.username), chunk.map((u) => u.fullName), chunk.map((u) => u.email), hashes.slice(start, start + 2000)],
      );
    }
    const userRows: { id: string; username: string }[] = await em.query(`SELECT id, username FROM users WHERE username = ANY($1)`, [users.map((u) => u.username)]);
    const userIds = new Map(userRows.map((r) => [r.username, r.id]));
    const allUnitIds = await this.unitIdsByCode(em, users.flatMap((u) => u.roles.map((r) => r.unit)), unitIds);
    const roleRows = users.flatMap((u) => u.roles.map((r) => ({ userId: userIds.get(u.username)!, unitId: allUnitIds.get(r.unit)!, role: r.role })));
    const [removed]: [{ user_id: string; unit_id: string | null; role: Role }[]] = await em.query(
      `DELETE FROM role_assignments r WHERE r.user_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS k(user_id, unit_id, role)
                          WHERE k.user_id = r.user_id AND k.unit_id = r.unit_id AND k.role = r.role)
       RETURNING user_id, unit_id, role`,
      [[...userIds.values()], roleRows.map((r) => r.userId), roleRows.map((r) => r.unitId), roleRows.map((r) => r.role)],
    );
    const added: { user_id: string; unit_id: string; role: Role }[] = await em.query(
      `INSERT INTO role_assignments (user_id, unit_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING RETURNING user_id, unit_id, role`,
      [roleRows.map((r) => r.userId), roleRows.map((r) => r.unitId), roleRows.map((r) => r.role)],
    );
    return [
      ...removed.filter((r) => r.unit_id).map((r) => ({ userId: r.user_id, unitId: r.unit_id!, role: r.role, change: 'removed' as const })),
      ...added.map((r) => ({ userId: r.user_id, unitId: r.unit_id, role: r.role, change: 'added' as const })),
    ];
  }

  private async unitIdsByCode(em: EntityManager, codes: string[], known: Map<string, string>): Promise<Map<string, string>> {
    const missing = [...new Set(codes)].filter((c) => !known.has(c));
    if (missing.length === 0) return known;
    const rows: { id: string; code: string }[] = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [missing]);
    return new Map([...known, ...rows.map((r) => [r.code, r.id] as [string, string])]);
  }
}
