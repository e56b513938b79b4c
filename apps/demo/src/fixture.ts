import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureUnit {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
}

export interface FixtureUser {
  username: string;
  fullName: string;
  email: string;
  password: string;
  roles: { unit: string; role: string }[];
}

export interface Fixture {
  units: FixtureUnit[];
  users: FixtureUser[];
  plan: { code: string; title: string; rootUnit: string } & Record<string, unknown>;
}

/**
 * The sample tree shared by demos and tests (test/fixtures/khoi-sample.json, described in
 * docs/sample.md), or another file of the same shape named by DEMO_FIXTURE.
 */
export function loadFixture(repoRoot: string): Fixture {
  const path = process.env.DEMO_FIXTURE ?? join(repoRoot, 'test', 'fixtures', 'khoi-sample.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Fixture;
}

/** Answers "who holds this role for this unit" from the fixture, in the fixture's order. */
export class Directory {
  private readonly units = new Map<string, FixtureUnit>();

  constructor(readonly fixture: Fixture) {
    for (const unit of fixture.units) this.units.set(unit.code, unit);
  }

  unit(code: string): FixtureUnit {
    const unit = this.units.get(code);
    if (!unit) throw new Error(`Unit ${code} is not in the fixture`);
    return unit;
  }

  /** The unit whose role holders act: `self` the report's unit, `parent` its parent, `root` the plan's root. */
  scopeUnit(reportUnit: string, scope: string): string {
    if (scope === 'self') return reportUnit;
    if (scope === 'parent') return this.unit(reportUnit).parent ?? this.fixture.plan.rootUnit;
    if (scope === 'root') return this.fixture.plan.rootUnit;
    throw new Error(`Unknown stage scope ${scope}`);
  }

  holders(unitCode: string, role: string): FixtureUser[] {
    const users = this.fixture.users.filter((u) => u.roles.some((r) => r.unit === unitCode && r.role === role));
    if (users.length === 0) throw new Error(`Nobody holds role ${role} for unit ${unitCode} in the fixture`);
    return users;
  }

  user(username: string): FixtureUser {
    const user = this.fixture.users.find((u) => u.username === username);
    if (!user) throw new Error(`User ${username} is not in the fixture`);
    return user;
  }
}
