/**
 * The `bloc` scenario's organisation, generated in memory in the shape of POST /api/org/import: a
 * root (the Khối), about 0.6% upper committees under it, 10% grassroots bodies spread over the upper
 * committees, the rest cells spread over the grassroots bodies (10,000 units: 60, 1,000, 8,940).
 * Per unit one drafter and three approvers (its committee); the committee of every unit with units
 * below it also holds the reviewer role there (the superior committee reviews). The root has three
 * reviewers (its Standing Committee, who approve the consolidated report) and two consolidators; the
 * administrator is the API's bootstrap one.
 */
export type Kind = 'bloc' | 'upper' | 'grassroots' | 'cell';

export interface GenUnit {
  code: string;
  name: string;
  kind: Kind;
  parent: string | null;
}

export interface GenUser {
  username: string;
  fullName: string;
  email: string;
  password: string;
  roles: { unit: string; role: string }[];
}

export interface GeneratedBloc {
  root: string;
  units: GenUnit[];
  users: GenUser[];
  /** Units under the root (one report each), in generation order. */
  reporting: GenUnit[];
  counts: Record<Kind, number>;
  /** Usernames by unit code. */
  drafter: (unit: string) => string;
  approvers: (unit: string) => string[];
  /** Reviewers of a parent unit (its committee); at the root, its Standing Committee. */
  reviewers: (unit: string) => string[];
  consolidators: string[];
}

export const PASSWORD = 'bench-bloc-2025';
export const ROOT_CODE = 'KHOI';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Minh Đức', 'Thu Hà', 'Quang Huy', 'Thị Lan', 'Văn Nam', 'Thị Mai'];
const fullName = (i: number) => `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}`;

export function generateBloc(total: number): GeneratedBloc {
  const uppers = Math.max(1, Math.round(total * 0.006));
  const grassroots = Math.max(1, Math.round(total * 0.1));
  const cells = Math.max(0, total - uppers - grassroots);
  const units: GenUnit[] = [{ code: ROOT_CODE, name: 'Đảng bộ Khối các cơ quan Trung ương (benchmark)', kind: 'bloc', parent: null }];
  const pad = (n: number) => String(n).padStart(5, '0');
  for (let i = 1; i <= uppers; i++) units.push({ code: `U${pad(i)}`, name: `Đảng bộ cấp trên cơ sở số ${i}`, kind: 'upper', parent: ROOT_CODE });
  for (let i = 1; i <= grassroots; i++) {
    units.push({ code: `G${pad(i)}`, name: `Đảng bộ cơ sở số ${i}`, kind: 'grassroots', parent: `U${pad(((i - 1) % uppers) + 1)}` });
  }
  for (let i = 1; i <= cells; i++) units.push({ code: `C${pad(i)}`, name: `Chi bộ số ${i}`, kind: 'cell', parent: `G${pad(((i - 1) % grassroots) + 1)}` });

  const parents = new Set(units.map((u) => u.parent).filter((p): p is string => p !== null));
  const users: GenUser[] = [];
  let n = 0;
  const add = (username: string, roles: { unit: string; role: string }[]) => {
    users.push({ username, fullName: fullName(n++), email: `${username}@bench.example.vn`, password: PASSWORD, roles });
  };
  for (const i of [1, 2]) add(`tgv${i}`, [{ unit: ROOT_CODE, role: 'consolidator' }]);
  for (const i of [1, 2, 3]) add(`btv${i}`, [{ unit: ROOT_CODE, role: 'reviewer' }]);
  const reporting = units.slice(1);
  for (const u of reporting) {
    const code = u.code.toLowerCase();
    add(`${code}.d`, [{ unit: u.code, role: 'drafter' }]);
    for (const i of [1, 2, 3]) {
      add(`${code}.a${i}`, [{ unit: u.code, role: 'approver' }, ...(parents.has(u.code) ? [{ unit: u.code, role: 'reviewer' }] : [])]);
    }
  }
  return {
    root: ROOT_CODE,
    units,
    users,
    reporting,
    counts: { bloc: 1, upper: uppers, grassroots, cell: cells },
    drafter: (unit) => `${unit.toLowerCase()}.d`,
    approvers: (unit) => [1, 2, 3].map((i) => `${unit.toLowerCase()}.a${i}`),
    reviewers: (unit) => (unit === ROOT_CODE ? ['btv1', 'btv2', 'btv3'] : [1, 2, 3].map((i) => `${unit.toLowerCase()}.a${i}`)),
    consolidators: ['tgv1', 'tgv2'],
  };
}

/** Splits a list into chunks whose JSON stays well under the API's 1 MB body limit. */
export function chunksUnder<T>(items: readonly T[], maxBytes = 700_000): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (current.length && bytes + size > maxBytes) {
      chunks.push(current);
      [current, bytes] = [[], 0];
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
