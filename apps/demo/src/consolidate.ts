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
  return done;
}
