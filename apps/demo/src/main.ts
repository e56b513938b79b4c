import { ApiClient } from './api-client';
import { Child } from './child-processes';
import { compressedPlan, SCHEDULE, vietnamDateTime } from './compressed-schedule';
import { printAdoptedDocument } from './adopted-document';
import { consolidate } from './consolidate';
import { driveToConsolidation, RETURN_SCENARIO } from './drive-report';
import { freePort, migrate, startEngine } from './engine-processes';
import { Directory, loadFixture } from './fixture';
import { elapsedSeconds, log } from './log';
import { LateDrafter } from './late-drafter';
import { indicatorsFor, INDICATORS } from './report-content';
import { ReportActions } from './report-actions';
import { printReminders } from './reminder-report';
import { printWorkNotices } from './work-notice-report';
import { Sessions } from './sessions';
import { SmtpSink } from './smtp-sink';
import { printAuditTrail, printOutcome } from './summary';
import { WorkflowCatalog } from './workflow-catalog';

/**
 * The demo: starts an SMTP sink and the engine (migrations, API, worker) on its own schema and queue
 * prefix, loads the sample Khối, launches plan 144-KH/ĐUK with its deadlines compressed to seconds
 * and drives every report through every stage over HTTP as the people of the fixture would; one
 * drafter waits until reminded and escalated. Then it prints the outcome and the notices sent. Run
 * it with `npm run demo`, which builds first and resets the demo's schema and queues
 * (config/bin/demo.sh).
 */
const children: Child[] = [];
let sink: SmtpSink | undefined;

async function run(): Promise<void> {
  const directory = new Directory(loadFixture(process.cwd()));
  const port = await freePort(Number(process.env.DEMO_PORT ?? 3300));
  sink = await SmtpSink.start();
  log(`SMTP sink listening on 127.0.0.1:${sink.port}`);
  const adminUser = directory.user('admin');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PG_SCHEMA: process.env.DEMO_PG_SCHEMA ?? 'tongket_demo',
    QUEUE_PREFIX: process.env.DEMO_QUEUE_PREFIX ?? '{tongket-demo}',
    PORT: String(port),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    // A fresh schema has no user yet: the API creates the first administrator on start.
    BOOTSTRAP_ADMIN_USERNAME: adminUser.username,
    BOOTSTRAP_ADMIN_PASSWORD: adminUser.password,
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  await migrate(env, children);
  await startEngine(env, baseUrl, children);

  const anonymous = new ApiClient(baseUrl);
  const sessions = new Sessions(anonymous, directory);
  const admin = await sessions.as(adminUser.username);
  const { units, users } = directory.fixture;
  const imported = await admin.post<{ units: number; users: number }>('/api/org/import', { units, users }, [201]);
  log(`imported the sample Khối: ${JSON.stringify(imported)}`);

  const compressed = compressedPlan(directory.fixture.plan.deadlines as Record<string, Record<string, string>>);
  const planInput = { ...directory.fixture.plan, deadlines: compressed.deadlines, reminders: compressed.reminders };
  const plan = await admin.post<{ id: string }>('/api/plans', planInput, [201]);
  log(
    `plan ${directory.fixture.plan.code} created with deadlines compressed to seconds: drafting due ${vietnamDateTime(compressed.draftingDue)} ` +
      `(+${SCHEDULE.draftingDueS} s), reminders ${SCHEDULE.before.join(', ')} before, escalation ${SCHEDULE.escalateAfter} after`,
  );
  // The answer lists the reports the worker created, each in its first stage with its tasks.
  const launch = await admin.post<{ status: string; reports: { id: string; unitCode: string; workflowVersion: number; tasks: unknown[] }[] }>(
    `/api/plans/${plan.id}/launch`,
    undefined,
    [202],
  );
  if (launch.status !== 'launched') throw new Error(`plan ${plan.id} is still ${launch.status} after the launch request`);
  const reports = launch.reports;
  log(`plan ${directory.fixture.plan.code} launched: ${reports.length} reports with ${reports.reduce((n, r) => n + r.tasks.length, 0)} drafting tasks`);

  const workflow = new WorkflowCatalog(admin, String(directory.fixture.plan.workflow ?? 'tongket'));
  const actions = new ReportActions(admin, sessions, directory, workflow);
  const late = new LateDrafter(actions, directory);
  const unitIndex = (code: string) => directory.fixture.units.findIndex((u) => u.code === code);
  await Promise.all(
    reports.map((r) =>
      driveToConsolidation(actions, workflow, r.id, unitIndex(r.unitCode), (report) => (late.isLate(report) ? late.waitForNotices(report) : Promise.resolve())),
    ),
  );
  await consolidate(admin, sessions, directory, workflow, plan.id, reports[0].workflowVersion);

  const expectedSums = Object.fromEntries(INDICATORS.map((name) => [name, 0]));
  for (const r of reports) for (const [name, n] of Object.entries(indicatorsFor(unitIndex(r.unitCode)))) expectedSums[name] += n;
  await printOutcome(admin, directory, plan.id, expectedSums);
  const returned = reports.find((r) => r.unitCode === RETURN_SCENARIO.unitCode);
  if (returned) await printAuditTrail(admin, await actions.get(returned.id));
  if (!late.story) throw new Error('No report of the plan belongs to the late unit: nothing was shown of reminders');
  await printReminders(admin, sessions, directory, sink, late.story, reports);
  await printWorkNotices(sessions, directory, reports);
  await printAdoptedDocument(admin, plan.id, directory.fixture.plan.rootUnit, process.env.DEMO_OUTPUT_DIR ?? '/tmp/tongket-demo-output');
}

async function stopChildren(): Promise<void> {
  await Promise.all(children.map((c) => c.stop()));
  await sink?.stop();
}

/** Whether each child was still up when the demo failed: a crash and a hang read differently. */
function childStates(): string[] {
  return children.map((c) => (c.running ? 'was running' : `had exited with code ${c.exitCode}, signal ${c.signal}`));
}

function printLogTails(states: string[]): void {
  children.forEach((child, i) => {
    console.error(`\n--- last lines of ${child.name} (pid ${child.pid}, ${states[i]}; ${child.logPath}) ---\n${child.tail()}`);
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the engine`);
    void stopChildren().then(() => process.exit(130));
  });
}

run().then(
  async () => {
    await stopChildren();
    console.log(`\nDemo finished in ${elapsedSeconds().toFixed(1)} s: every report went through every stage, with reminders and an escalation on the way.`);
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(`\nDEMO FAILED: ${error instanceof Error ? error.message : String(error)}`);
    const states = childStates();
    await stopChildren();
    printLogTails(states);
    process.exit(1);
  },
);
