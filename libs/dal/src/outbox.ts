import { EntityManager } from 'typeorm';

export interface OutboxJob {
  name: string;
  data: object;
  fireAt?: Date;
}

/** Records jobs in the caller's transaction; returns their outbox ids for the relay. */
export async function appendOutbox(em: EntityManager, jobs: readonly OutboxJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const rows: { id: string }[] = await em.query(
    `INSERT INTO outbox (job_name, payload, fire_at) SELECT * FROM unnest($1::varchar[], $2::jsonb[], $3::timestamptz[]) RETURNING id`,
    [jobs.map((j) => j.name), jobs.map((j) => JSON.stringify(j.data)), jobs.map((j) => j.fireAt ?? null)],
  );
  return rows.map((r) => r.id);
}
