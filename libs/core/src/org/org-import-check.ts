import { DataSource } from 'typeorm';
import { unitParentCodes } from '@app/dal';
import { ancestorPaths, conflict, invalid, unitsWithTwoSecretaries } from '@app/domain';
import { OrgImport } from './org-import';

/**
 * What can be refused before an import is queued, so that a refusal is the request's answer and
 * nothing is stored: duplicates, codes neither imported nor known, a unit its own parent, a unit
 * tree that would have a cycle once the import's parents replace the stored ones, and two
 * secretaries of one unit in the import (409; a secretary already stored is checked when applied).
 */
export async function assertImportConsistent(db: DataSource, data: OrgImport): Promise<void> {
  const duplicate = (values: string[]) => {
    const seen = new Set<string>();
    return values.find((v) => (seen.has(v) ? true : (seen.add(v), false)));
  };
  const dupUnit = duplicate(data.units.map((u) => u.code));
  if (dupUnit) throw invalid(`units: code ${dupUnit} appears twice`);
  const dupUser = duplicate(data.users.map((u) => u.username));
  if (dupUser) throw invalid(`users: username ${dupUser} appears twice`);
  const twicePlaced = data.users.find((u) => (u.positions ?? []).some((p, i, all) => all.findIndex((q) => q.unit === p.unit) !== i));
  if (twicePlaced) throw invalid(`users: ${twicePlaced.username} has two positions at one unit (one position per unit)`);
  const [twoSecretaries] = unitsWithTwoSecretaries(data.users.flatMap((u) => (u.positions ?? []).map((p) => ({ ...p, username: u.username }))));
  if (twoSecretaries) {
    throw conflict(`Đơn vị ${twoSecretaries.unit} chỉ có một Bí thư, nhưng bản nhập ghi ${twoSecretaries.usernames.join(', ')}`, {
      unit: twoSecretaries.unit,
      usernames: twoSecretaries.usernames,
    });
  }
  const selfParent = data.units.find((u) => u.parent === u.code);
  if (selfParent) throw invalid(`units: ${selfParent.code} cannot be its own parent`);

  const stored = await unitParentCodes(db);
  const parentOf = new Map(stored.map((u) => [u.code, u.parent]));
  for (const unit of data.units) parentOf.set(unit.code, unit.parent);
  const referenced = new Set([
    ...data.units.flatMap((u) => (u.parent ? [u.parent] : [])),
    // A role without a unit is the administrator's, held everywhere.
    ...data.users.flatMap((u) => [...u.roles, ...(u.positions ?? [])].flatMap((r) => (r.unit === null ? [] : [r.unit]))),
  ]);
  const unknown = [...referenced].filter((code) => !parentOf.has(code));
  if (unknown.length) throw invalid(`Unknown unit codes: ${unknown.join(', ')}`);
  // Throws a 400 naming a unit on a cycle.
  ancestorPaths([...parentOf].map(([code, parent]) => ({ id: code, parentId: parent })));
}
