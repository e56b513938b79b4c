import { FixtureUnit, FixtureUser, Role } from './fixture';
import { FIXTURE_PASSWORD } from './harness';

/**
 * A generated tree of a few hundred units under its own Bloc "TK", with every role a report needs
 * to go from drafting to done (unlike generated-tree.ts, which has drafters only):
 *
 * TK (bloc)
 * ├─ TK-U1 (upper): grassroots TK-U1-G1…G4 of `cells` cells each, and 5 cells of its own (TK-U1-C001…)
 * ├─ TK-U2, TK-U3 (upper): grassroots G1…G4 of `cells` cells each
 * ├─ TK-U4 (upper, nothing below it: never consolidates)
 * ├─ TK-G9 (grassroots directly under the Bloc): 10 cells
 * └─ TK-C1 (a cell directly under the Bloc)
 *
 * People: tk.tgv consolidates at TK; tk.btv1…3 are its Standing Committee (reviewers at TK); each
 * committee unit has "<code>.bithu" (drafter, approver and reviewer there); the cells of a committee
 * share "<code>.chibo" (drafter and approver of each of them).
 */
export interface GeneratedTree {
  units: FixtureUnit[];
  users: FixtureUser[];
  root: string;
  parent: Map<string, string | null>;
  kind: Map<string, FixtureUnit['kind']>;
  children: Map<string, string[]>;
  /** Who drafts, approves (cell_approval) and reviews (for the units below) each unit. */
  drafter: Map<string, string>;
  approver: Map<string, string>;
  reviewer: Map<string, string>;
}

export function consolidationTree(cells = 20): GeneratedTree {
  const units: FixtureUnit[] = [{ code: 'TK', name: 'Đảng bộ Khối thử nghiệm tổng hợp', kind: 'bloc', parent: null }];
  const roles = new Map<string, { unit: string; role: Role }[]>();
  const grant = (username: string, unit: string, ...list: Role[]) => {
    roles.set(username, [...(roles.get(username) ?? []), ...list.map((role) => ({ unit, role }))]);
  };
  const committee = (code: string, name: string, kind: FixtureUnit['kind'], parent: string) => {
    units.push({ code, name, kind, parent });
    grant(`${code.toLowerCase()}.bithu`, code, 'drafter', 'approver', 'reviewer');
  };
  const cellsUnder = (parent: string, count: number, label: string) => {
    for (let c = 1; c <= count; c += 1) {
      const code = `${parent}-C${String(c).padStart(3, '0')}`;
      units.push({ code, name: `Chi bộ ${label} số ${c}`, kind: 'cell', parent });
      grant(`${parent.toLowerCase()}.chibo`, code, 'drafter', 'approver');
    }
  };

  grant('tk.tgv', 'TK', 'consolidator');
  for (const n of [1, 2, 3]) grant(`tk.btv${n}`, 'TK', 'reviewer');
  for (const u of [1, 2, 3]) {
    const upper = `TK-U${u}`;
    committee(upper, `Đảng bộ Tổng cục thử nghiệm số ${u}`, 'upper', 'TK');
    for (let g = 1; g <= 4; g += 1) {
      const group = `${upper}-G${g}`;
      committee(group, `Đảng bộ Cục thử nghiệm ${u}.${g}`, 'grassroots', upper);
      cellsUnder(group, cells, `Phòng ${u}.${g}`);
    }
    if (u === 1) cellsUnder(upper, 5, 'cơ quan Tổng cục 1');
  }
  units.push({ code: 'TK-U4', name: 'Đảng bộ Viện thử nghiệm (chưa có tổ chức trực thuộc)', kind: 'upper', parent: 'TK' });
  grant('tk-u4.bithu', 'TK-U4', 'drafter', 'approver');
  committee('TK-G9', 'Đảng bộ cơ sở Báo thử nghiệm', 'grassroots', 'TK');
  cellsUnder('TK-G9', 10, 'Ban biên tập');
  units.push({ code: 'TK-C1', name: 'Chi bộ Văn phòng Khối thử nghiệm', kind: 'cell', parent: 'TK' });
  grant('tk-c1.bithu', 'TK-C1', 'drafter', 'approver');

  const users: FixtureUser[] = [...roles].map(([username, list]) => ({
    username,
    fullName: `Đồng chí ${username}`,
    email: `${username}@example.vn`,
    password: FIXTURE_PASSWORD,
    roles: list,
  }));
  const holder = (role: Role) => new Map(users.flatMap((u) => u.roles.filter((r) => r.role === role).map((r) => [r.unit, u.username] as [string, string])));
  const children = new Map<string, string[]>();
  for (const unit of units) if (unit.parent) children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit.code]);
  return {
    units,
    users,
    root: 'TK',
    parent: new Map(units.map((u) => [u.code, u.parent])),
    kind: new Map(units.map((u) => [u.code, u.kind])),
    children,
    drafter: holder('drafter'),
    approver: holder('approver'),
    reviewer: holder('reviewer'),
  };
}
