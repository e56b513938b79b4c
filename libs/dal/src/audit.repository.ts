import { EntityManager } from 'typeorm';

export interface NewAuditEvent {
  actorId: string | null;
  /** Username, or `system` for the engine's own actions. */
  actor: string;
  action: string;
  planId?: string | null;
  reportId?: string | null;
  taskId?: string | null;
  fromStage?: string | null;
  toStage?: string | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

const COLUMNS = ['actor_id', 'actor', 'action', 'plan_id', 'report_id', 'task_id', 'from_stage', 'to_stage', 'comment', 'data'];

/** Appends events in the caller's transaction, many rows per statement. */
export async function appendAuditEvents(em: EntityManager, events: readonly NewAuditEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += 1000) {
    const chunk = events.slice(start, start + 1000);
    const params: unknown[] = [];
    const rows = chunk.map((e) => {
      const values = [
        e.actorId,
        e.actor,
        e.action,
        e.planId ?? null,
        e.reportId ?? null,
        e.taskId ?? null,
        e.fromStage ?? null,
        e.toStage ?? null,
        e.comment ?? null,
        e.data ? JSON.stringify(e.data) : null,
      ];
      const placeholders = values.map((v) => `$${params.push(v)}`);
      return `(${placeholders.join(',')})`;
    });
    await em.query(`INSERT INTO audit_events (${COLUMNS.join(',')}) VALUES ${rows.join(',')}`, params);
  }
}

/** Names already read in a transaction: one decision names its actor in several events. */
const namesInTransaction = new WeakMap<object, Map<string, string>>();

/**
 * The name an audit event shows for a user id; `system` for the engine's own actions. Within a
 * transaction a name is read once; outside one, every call reads it (a rename must show at once).
 */
export async function usernameOf(em: EntityManager, userId: string | null): Promise<string> {
  if (!userId) return 'system';
  const runner = em.queryRunner?.isTransactionActive ? em.queryRunner : undefined;
  const known = runner ? namesInTransaction.get(runner)?.get(userId) : undefined;
  if (known) return known;
  const [user]: { username: string }[] = await em.query(`SELECT username FROM users WHERE id = $1`, [userId]);
  const name = user?.username ?? 'system';
  if (runner) namesInTransaction.set(runner, (namesInTransaction.get(runner) ?? new Map<string, string>()).set(userId, name));
  return name;
}
