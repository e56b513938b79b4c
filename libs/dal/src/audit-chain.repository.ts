import { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH, linkHash, SealedLink } from '@app/domain';

/**
 * An event's canonical text, made by PostgreSQL so that sealing and checking read exactly the
 * stored values (microsecond times, jsonb's own key order) whatever the client.
 */
const CANONICAL = `json_build_array(e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor, e.action,
  e.plan_id, e.report_id, e.task_id, e.from_stage, e.to_stage, e.comment, e.data)::text`;

/** Only one sealer extends the chain at a time, whatever the number of workers. */
const SEAL_LOCK = `hashtext('tongket.audit-seal')`;

/**
 * Seals up to `limit` queued events, in event order, in the caller's transaction; answers how many
 * (0 too when another sealer holds the chain). Events queued by transactions that commit later are
 * sealed by a later call: the chain follows the order of sealing, not of ids.
 */
export async function sealQueuedEvents(em: EntityManager, limit: number): Promise<number> {
  const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS locked`);
  if (!locked) return 0;
  const pending: { id: string; canonical: string }[] = await em.query(
    `SELECT e.id, ${CANONICAL} AS canonical FROM audit_unsealed u JOIN audit_events e ON e.id = u.event_id ORDER BY u.event_id LIMIT $1`,
    [limit],
  );
  if (pending.length === 0) return 0;
  const [last]: { seq: string; hash: string }[] = await em.query(`SELECT seq, hash FROM audit_seals ORDER BY seq DESC LIMIT 1`);
  let hash = last?.hash ?? GENESIS_HASH;
  let seq = Number(last?.seq ?? 0);
  const seals = pending.map((event) => {
    hash = linkHash(hash, event.canonical);
    return { seq: ++seq, eventId: event.id, hash };
  });
  await em.query(`INSERT INTO audit_seals (seq, event_id, hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::char(64)[])`, [
    seals.map((s) => s.seq),
    seals.map((s) => s.eventId),
    seals.map((s) => s.hash),
  ]);
  await em.query(`DELETE FROM audit_unsealed WHERE event_id = ANY($1::bigint[])`, [seals.map((s) => s.eventId)]);
  return seals.length;
}

/** A page of the chain in order, each seal with its event's canonical text now (null if the event is gone). */
export async function chainPage(db: DataSource, afterSeq: number, limit: number): Promise<SealedLink[]> {
  const rows: { seq: string; event_id: string; hash: string; canonical: string | null }[] = await db.query(
    `SELECT s.seq, s.event_id, s.hash, CASE WHEN e.id IS NULL THEN NULL ELSE ${CANONICAL} END AS canonical
       FROM audit_seals s LEFT JOIN audit_events e ON e.id = s.event_id
      WHERE s.seq > $1 ORDER BY s.seq LIMIT $2`,
    [afterSeq, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), eventId: Number(r.event_id), hash: r.hash, canonical: r.canonical }));
}

export interface UnsealedEvents {
  /** Events waiting in the sealing queue (normal for a few seconds). */
  queued: number;
  /** Events neither sealed nor queued: written past the engine's trigger, or taken out of the queue. */
  outside: number;
  firstOutside: { id: number; at: Date; action: string } | null;
}

/** What of the trail is not (yet) in the chain. */
export async function unsealedEvents(db: DataSource): Promise<UnsealedEvents> {
  const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM audit_unsealed`);
  const outside: { id: string; at: Date; action: string; total: number }[] = await db.query(
    `SELECT e.id, e.at, e.action, count(*) OVER ()::int AS total FROM audit_events e
      WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.event_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.event_id = e.id)
      ORDER BY e.id LIMIT 1`,
  );
  const first = outside[0];
  return { queued, outside: first?.total ?? 0, firstOutside: first ? { id: Number(first.id), at: first.at, action: first.action } : null };
}

/** How many events and seals the trail holds. */
export async function chainCounts(db: DataSource): Promise<{ events: number; sealed: number }> {
  const [row] = await db.query(`SELECT (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM audit_seals)::int AS sealed`);
  return row;
}
