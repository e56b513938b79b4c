import { Pool } from 'pg';
import { BlocClient } from './bloc-client';
import { GeneratedBloc } from './bloc-generate';
import { log } from './log';
import { pollUntil } from './poll';

export interface FinishFigures {
  /** Last report at consolidation → the root's consolidations row `collected` (the engine's BullMQ flow). */
  collectedAfterLastMs: number;
  collectedIncluded: number;
  /** The working group's task: complete (202) → every report `done` (one transaction moves them all). */
  consolidateRequestMs: number;
  consolidateMs: number;
  /** The Standing Committee (two of three approve, majority): first complete → plan `completed`. */
  rootApprovalMs: number;
  planStatus: string;
}

/** Finds one open task of `stage` in a user's inbox, polling it (the task is created by a worker). */
async function openTask(client: BlocClient, token: string, stage: string, timeoutMs: number): Promise<{ id: string }> {
  const task = await pollUntil(
    async () => {
      const inbox = await client.expect<{ id: string; stage: string }[]>('inbox (finish)', [200], 'GET', '/api/tasks', token);
      return inbox.body.find((t) => t.stage === stage);
    },
    timeoutMs,
    100,
  );
  if (!task) throw new Error(`no open ${stage} task within ${timeoutMs} ms`);
  return task;
}

/** The root's part: the collection, the working group's consolidation task, the Standing Committee's approval. */
export async function finish(
  client: BlocClient,
  pool: Pool,
  bloc: GeneratedBloc,
  planId: string,
  tokens: Map<string, string>,
  lastAt: number,
  waitS: number,
): Promise<FinishFigures> {
  const {
    rows: [root],
  } = await pool.query<{ id: string }>(`SELECT id FROM org_units WHERE code = $1`, [bloc.root]);
  let included = 0;
  const collectedAt = await pollUntil(
    async () => {
      const {
        rows: [c],
      } = await pool.query<{ status: string; n: number }>(
        `SELECT status, jsonb_array_length(included) AS n FROM consolidations WHERE plan_id = $1 AND unit_id = $2`,
        [planId, root.id],
      );
      if (c?.status !== 'collected') return undefined;
      included = c.n;
      return Date.now();
    },
    waitS * 1000,
    50,
  );
  log(
    `root collection: ${collectedAt ? `collected (${included} included) ${((collectedAt - lastAt) / 1000).toFixed(2)} s after the last report arrived` : 'NOT collected in time'}`,
  );

  const consolidator = tokens.get(bloc.consolidators[0])!;
  const task = await openTask(client, consolidator, 'consolidation', waitS * 1000);
  const t0 = Date.now();
  const answer = await client.expect('complete (finish)', [202], 'POST', `/api/tasks/${task.id}/complete`, consolidator, { decision: 'approve' });
  const doneAt = await pollUntil(
    async () => {
      const {
        rows: [r],
      } = await pool.query<{ left: number }>(`SELECT count(*)::int AS left FROM reports WHERE plan_id = $1 AND stage <> 'done'`, [planId]);
      return r.left === 0 ? Date.now() : undefined;
    },
    waitS * 1000,
    50,
  );
  log(
    `consolidation task completed by ${bloc.consolidators[0]}: every report done ${doneAt ? `${((doneAt - t0) / 1000).toFixed(2)} s` : 'NOT in time'} after the request`,
  );

  const committee = bloc.reviewers(bloc.root).slice(0, 2);
  const approvals = await Promise.all(committee.map((u) => openTask(client, tokens.get(u)!, 'root_approval', waitS * 1000).then((t) => ({ u, t }))));
  const t1 = Date.now();
  for (const { u, t } of approvals)
    await client.expect('complete (finish)', [202], 'POST', `/api/tasks/${t.id}/complete`, tokens.get(u)!, { decision: 'approve' });
  let status = '';
  const completedAt = await pollUntil(
    async () => {
      const {
        rows: [p],
      } = await pool.query<{ status: string }>(`SELECT status FROM plans WHERE id = $1`, [planId]);
      status = p.status;
      return status === 'completed' ? Date.now() : undefined;
    },
    waitS * 1000,
    50,
  );
  log(
    `Standing Committee: ${committee.join(', ')} approved; plan ${status} ${completedAt ? `${((completedAt - t1) / 1000).toFixed(2)} s` : ''} after the first approval`,
  );
  return {
    collectedAfterLastMs: (collectedAt ?? NaN) - lastAt,
    collectedIncluded: included,
    consolidateRequestMs: answer.ms,
    consolidateMs: (doneAt ?? NaN) - t0,
    rootApprovalMs: (completedAt ?? NaN) - t1,
    planStatus: status,
  };
}
