import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Role = 'drafter' | 'approver' | 'reviewer' | 'consolidator' | 'admin';

export interface FixtureUnit {
  code: string;
  name: string;
  kind: 'bloc' | 'upper' | 'grassroots' | 'cell';
  parent: string | null;
}

export interface FixtureUser {
  username: string;
  fullName: string;
  email: string;
  password: string;
  roles: { unit: string; role: Role }[];
  /** Positions (chức vụ) held: bi_thu, pho_bi_thu, uv_btv, cap_uy_vien, dang_vien. */
  positions?: { unit: string; position: string }[];
}

export interface FixturePlan {
  code: string;
  title: string;
  issuedOn: string;
  term: string;
  basis: unknown[];
  rootUnit: string;
  workflow?: string;
  outline?: { key: string; title: string; required: boolean }[];
  deadlines: Record<string, Record<string, string>>;
  reminders: { before: string[]; escalateAfter?: string };
}

export interface Fixture {
  units: FixtureUnit[];
  users: FixtureUser[];
  plan: FixturePlan;
}

/** The sample tree of test/fixtures/khoi-sample.json (docs/sample.md describes it). */
export function loadFixture(): Fixture {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'khoi-sample.json'), 'utf8')) as Fixture;
}

/** Units under the plan's root (every one of them gets a report at launch). */
export function reportingUnits(fixture: Fixture, root = fixture.plan.rootUnit): FixtureUnit[] {
  const below = new Set<string>([root]);
  const result: FixtureUnit[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of fixture.units) {
      if (unit.parent && below.has(unit.parent) && !below.has(unit.code)) {
        below.add(unit.code);
        result.push(unit);
        grew = true;
      }
    }
  }
  return result;
}

export function holders(fixture: Fixture, unit: string, role: Role): string[] {
  return fixture.users.filter((u) => u.roles.some((r) => r.unit === unit && r.role === role)).map((u) => u.username);
}

/** The fixture's holder of a position at a unit (e.g. its Bí thư), by username. */
export function positionHolder(fixture: Fixture, unit: string, position: string): string | undefined {
  return fixture.users.find((u) => (u.positions ?? []).some((p) => p.unit === unit && p.position === position))?.username;
}

export function parentOf(fixture: Fixture, unit: string): string {
  const parent = fixture.units.find((u) => u.code === unit)?.parent;
  if (!parent) throw new Error(`${unit} has no parent in the fixture`);
  return parent;
}
