import { ApiClient } from './api-client';
import { Report, Task } from './api-types';
import { Directory } from './fixture';
import { writeKhoiReport } from './khoi-report';
import { log } from './log';
import { pollUntil } from './poll';
import { Sessions } from './sessions';
import { WorkflowCatalog } from './workflow-catalog';

/**
 * Once every report waits at consolidation and the root's collection is complete, the root's working
 * group writes the Khối's own report, pre-filled from the approved reports, and submits it to the
 * Standing Committee: that completes its consolidation task and moves every waiting report to `done`.
 * The Standing Committee then adopts it.
 */
export async function consolidate(
  admin: ApiClient,
  sessions: Sessions,
  directory: Directory,
  workflow: WorkflowCatalog,
  planId: string,
  workflowVersion: number,
): Promise<Report[]> {
  const stage = (await workflow.stages(workflowVersion)).find((s) => s.kind === 'consolidation');
  if (!stage) throw new Error('The workflow has no consolidation stage');
  const unit = directory.scopeUnit(directory.fixture.plan.rootUnit, stage.scope);
  const [writer] = directory.holders(unit, stage.role);
  if (!writer) throw new Error(`Nobody holds the role ${stage.role} at ${unit} to write its report`);
  const workingGroup = await sessions.as(writer.username);
  await pollUntil(async () => ((await workingGroup.get<Task[]>('/api/tasks')).some((t) => t.stage === stage.key && t.state === 'open') ? true : undefined), {
    what: `the working group's task at ${unit} (the collection complete)`,
    intervalMs: 200,
  });
  await writeKhoiReport(workingGroup, planId);
  const done = await pollUntil(
    async () => {
      const reports = await admin.get<Report[]>(`/api/reports?planId=${planId}`);
      return reports.every((r) => r.stage === 'done') ? reports : undefined;
    },
    { what: `every report to reach done after ${unit}'s working group submitted its report`, intervalMs: 200 },
  );
  log(`${unit.padEnd(10)} consolidation → done for ${done.length} reports`);
  await approveAtRoot(admin, sessions, directory, planId);
  return done;
}

/**
 * The consolidated report goes to the root's Standing Committee (the holders of the reviewer role at
 * the root); their majority completes the plan. Every member approves here.
 */
async function approveAtRoot(admin: ApiClient, sessions: Sessions, directory: Directory, planId: string): Promise<void> {
  const root = directory.fixture.plan.rootUnit;
  const committee = await Promise.all(directory.holders(root, 'reviewer').map((u) => sessions.as(u.username)));
  const completed = new Set<string>();
  await pollUntil(
    async () => {
      for (const client of committee) {
        const tasks = await client.get<Task[]>('/api/tasks');
        for (const task of tasks.filter((t) => t.stage === 'root_approval' && t.state === 'open' && !completed.has(t.id))) {
          await client.post(`/api/tasks/${task.id}/complete`, { decision: 'approve' }, [202]);
          completed.add(task.id);
          log(`${root.padEnd(10)} ${client.username} voted to adopt (thông qua) the Khối's report`);
        }
      }
      const plan = await admin.get<{ status: string }>(`/api/plans/${planId}`);
      return plan.status === 'completed' ? plan : undefined;
    },
    { what: `the plan to be completed after ${root}'s Standing Committee approved`, intervalMs: 200 },
  );
  log(`${root.padEnd(10)} the Standing Committee adopted the Khối's report (${completed.size} vote(s)); plan completed`);
}
