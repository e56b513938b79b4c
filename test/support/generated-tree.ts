import { FixtureUnit, FixtureUser } from './fixture';

/**
 * A generated branch under the fixture's Bloc: one upper committee, `groups` grassroots committees
 * under it, `cellsPerGroup` cells under each (at most 100: a user holds at most 100 roles), and one
 * drafter per group who drafts for every cell of the group.
 */
export function generatedBranch(groups: number, cellsPerGroup: number, parent = 'DUK'): { units: FixtureUnit[]; users: FixtureUser[] } {
  const units: FixtureUnit[] = [{ code: 'GEN', name: 'Đảng bộ sinh thử nghiệm', kind: 'upper', parent }];
  const users: FixtureUser[] = [];
  for (let g = 1; g <= groups; g += 1) {
    const group = `GEN-G${g}`;
    units.push({ code: group, name: `Đảng bộ cơ sở thử nghiệm số ${g}`, kind: 'grassroots', parent: 'GEN' });
    const cells = Array.from({ length: cellsPerGroup }, (_, c) => `${group}-C${String(c + 1).padStart(3, '0')}`);
    units.push(...cells.map((code, c) => ({ code, name: `Chi bộ thử nghiệm ${g}.${c + 1}`, kind: 'cell' as const, parent: group })));
    users.push({
      username: `gen-g${g}.soanthao`,
      fullName: `Người soạn thảo nhóm ${g}`,
      email: `gen-g${g}@example.vn`,
      password: 'tongket-2019',
      roles: cells.map((unit) => ({ unit, role: 'drafter' as const })),
    });
  }
  return { units, users };
}
