import { ApiClient } from './api-client';
import { Report, Task } from './api-types';
import { Directory } from './fixture';
import { log } from './log';
import { pollUntil } from './poll';
import { Sessions } from './sessions';
import { WorkflowCatalog } from './workflow-catalog';

/**
 * Once every report waits at consolidation, the root's consolidators complete their consolidation
 * task(s): one per plan moves every waiting report to `done`. Tasks are completed once each; the
 * loop keeps reading the inbox in case the engine issues another for late arrivals.
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
  const consolidators = await Promise.all(directory.holders(unit, stage.role).map((u) => sessions.as(u.username)));
  const completed = new Set<string>();

  const done = await pollUntil(
    async () => {
      for (const client of consolidators) {
        const tasks = await client.get<Task[]>('/api/tasks');
        for (const task of tasks.filter((t) => t.stage === stage.key && t.state === 'open' && !completed.has(t.id))) {
          await client.post(`/api/tasks/${task.id}/complete`, { decision: 'approve' }, [202]);
          completed.add(task.id);
          log(`${unit.padEnd(10)} ${client.username} completed consolidation task ${task.id}`);
        }
      }
      const reports = await admin.get<Report[]>(`/api/reports?planId=${planId}`);
      return reports.every((r) => r.stage === 'done') ? reports : undefined;
    },
    { what: `every report to reach done after ${unit}'s consolidation`, intervalMs: 200 },
  );
  if (completed.size === 0) throw new Error('Reports reached done without any consolidation task being completed');
  log(`${unit.padEnd(10)} consolidation → done for ${done.length} reports (${completed.size} task(s))`);
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
          log(`${root.padEnd(10)} ${client.username} approved the consolidated report`);
        }
      }
      const plan = await admin.get<{ status: string }>(`/api/plans/${planId}`);
      return plan.status === 'completed' ? plan : undefined;
    },
    { what: `the plan to be completed after ${root}'s Standing Committee approved`, intervalMs: 200 },
  );
  log(`${root.padEnd(10)} plan completed (${completed.size} approval(s) of the consolidated report)`);
}
