import { ApiClient } from './api-client';
import { AuditEvent, Consolidated, Progress, Report } from './api-types';
import { Directory } from './fixture';
import { INDICATORS } from './report-content';
import { table } from './table';

/** Prints where every unit's report ended, the plan's progress and the consolidated report. */
export async function printOutcome(admin: ApiClient, directory: Directory, planId: string, expectedSums: Record<string, number>): Promise<void> {
  const progress = await admin.get<Progress>(`/api/plans/${planId}/progress`);
  const rows = directory.fixture.units
    .map((unit) => ({ unit, entry: progress.units.find((u) => u.unitCode === unit.code) }))
    .filter(({ entry }) => entry !== undefined)
    .map(({ unit, entry }) => [unit.code, unit.name, unit.kind, entry!.stage]);
  console.log(`\nReports of plan ${directory.fixture.plan.code}`);
  console.log(table(['code', 'unit', 'kind', 'stage'], rows));
  const byStage = Object.entries(progress.byStage)
    .map(([stage, n]) => `${stage}: ${n}`)
    .join(', ');
  console.log(`Progress: ${progress.total} reports (${byStage}); overdue: ${progress.overdue}`);

  const consolidated = await admin.get<Consolidated>(`/api/plans/${planId}/consolidated`);
  console.log(`\nConsolidated report of ${consolidated.unitCode}`);
  console.log(`  included reports: ${consolidated.included.length}`);
  console.log(`  missing units:    ${consolidated.missing.length ? consolidated.missing.join(', ') : 'none'}`);
  console.log(`  sections:         ${consolidated.sections.length}`);
  const sums = INDICATORS.map((name) => [name, String(consolidated.indicators[name] ?? '-'), String(expectedSums[name])]);
  console.log(
    table(
      ['indicator', 'sum', 'entered'],
      sums.map((r) => ['  ' + r[0], r[1], r[2]]),
    ),
  );
  const wrong = sums.filter(([, sum, entered]) => sum !== entered).map(([name]) => name);
  if (wrong.length > 0) throw new Error(`Consolidated indicator sums differ from the figures entered: ${wrong.join(', ')}`);
  if (consolidated.missing.length > 0) throw new Error(`Consolidation reports missing units: ${consolidated.missing.join(', ')}`);
}

/** Prints a report's audit trail, oldest first. */
export async function printAuditTrail(admin: ApiClient, report: Report): Promise<void> {
  const events = await admin.get<AuditEvent[]>(`/api/reports/${report.id}/events`);
  console.log(`\nAudit trail of ${report.unitCode}'s report (returned ${report.returnedCount} time(s))`);
  const rows: string[][] = [];
  let lastKey = '';
  let repeats = 1;
  for (const e of events) {
    const key = e.comment ? '' : [actorName(e.actor), e.action, stageOf(e)].join('|');
    // Ten section edits in a row say less than one line with a count.
    if (key && key === lastKey) {
      repeats += 1;
      rows[rows.length - 1][2] = `${e.action} ×${repeats}`;
      continue;
    }
    lastKey = key;
    repeats = 1;
    rows.push([e.at.replace(/\.\d+/, ''), actorName(e.actor), e.action, stageOf(e), e.comment ?? '']);
  }
  console.log(table(['at', 'actor', 'action', 'stage', 'comment'], rows));
}

/** A transition shows where it went; any other event the stage it happened in. */
function stageOf(e: AuditEvent): string {
  if (e.toStage && e.fromStage) return `${e.fromStage} → ${e.toStage}`;
  if (e.toStage) return `→ ${e.toStage}`;
  return e.fromStage ?? '';
}

function actorName(actor: unknown): string {
  if (typeof actor === 'string') return actor;
  if (actor && typeof actor === 'object') {
    const a = actor as Record<string, unknown>;
    return String(a.username ?? a.fullName ?? a.id ?? JSON.stringify(actor));
  }
  return actor === null || actor === undefined ? 'system' : String(actor);
}
