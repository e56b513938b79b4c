import { Queryable } from '../queryable';

/** A remark with its whole thread, as the API answers it; people are named by username and full name. */
export interface RemarkThread {
  id: string;
  reportId: string;
  section: string;
  quote: string | null;
  text: string;
  author: string;
  authorName: string;
  stage: string;
  round: number;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolvedByName: string | null;
  replies: { id: string; text: string; author: string; authorName: string; createdAt: Date }[];
}

/** The remark being replied to or resolved, with its report's unit, plan and current stage. */
export interface LockedRemark {
  report_id: string;
  unit_id: string;
  plan_id: string;
  stage: string;
  section_key: string;
  resolved_at: Date | null;
}

export interface NewReportRemark {
  reportId: string;
  section: string;
  quote: string | null;
  body: string;
  authorId: string;
  stage: string;
  round: number;
}

const REMARKS_SELECT = `
  SELECT m.id, m.report_id AS "reportId", m.section_key AS section, m.quote, m.body AS text, a.username AS author, a.full_name AS "authorName",
         m.stage, m.round, m.created_at AS "createdAt", m.resolved_at AS "resolvedAt", r.username AS "resolvedBy", r.full_name AS "resolvedByName",
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'text', p.body, 'author', pa.username, 'authorName', pa.full_name, 'createdAt', p.created_at)
                                   ORDER BY p.created_at, p.id)
                     FROM report_remark_replies p JOIN users pa ON pa.id = p.author_id WHERE p.remark_id = m.id), '[]') AS replies
    FROM report_remarks m JOIN users a ON a.id = m.author_id LEFT JOIN users r ON r.id = m.resolved_by`;

/** A report's remarks, oldest first, each with its replies oldest first. */
export async function listRemarkThreads(db: Queryable, reportId: string): Promise<RemarkThread[]> {
  const rows: RemarkThread[] = await db.query(`${REMARKS_SELECT} WHERE m.report_id = $1 ORDER BY m.created_at, m.id`, [reportId]);
  return rows.map(withReplyDates);
}

export async function findRemarkThread(db: Queryable, id: string): Promise<RemarkThread | undefined> {
  const [remark]: RemarkThread[] = await db.query(`${REMARKS_SELECT} WHERE m.id = $1`, [id]);
  return remark && withReplyDates(remark);
}

/** json_agg gives the replies' times as text in the database's zone: as Dates they are answered in the engine's (+07:00) like every time. */
function withReplyDates(remark: RemarkThread): RemarkThread {
  return { ...remark, replies: remark.replies.map((reply) => ({ ...reply, createdAt: new Date(reply.createdAt) })) };
}

/** Records a remark on the report's current stage and round; returns its id. */
export async function insertReportRemark(db: Queryable, remark: NewReportRemark): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO report_remarks (report_id, section_key, quote, body, author_id, stage, round) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [remark.reportId, remark.section, remark.quote, remark.body, remark.authorId, remark.stage, remark.round],
  );
  return id;
}

/** Records a reply in a remark's thread; returns its id. */
export async function insertRemarkReply(db: Queryable, remarkId: string, body: string, authorId: string): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(`INSERT INTO report_remark_replies (remark_id, body, author_id) VALUES ($1, $2, $3) RETURNING id`, [
    remarkId,
    body,
    authorId,
  ]);
  return id;
}

export async function markRemarkResolved(db: Queryable, remarkId: string, resolvedBy: string): Promise<void> {
  await db.query(`UPDATE report_remarks SET resolved_at = now(), resolved_by = $2 WHERE id = $1`, [remarkId, resolvedBy]);
}

/**
 * The remark, locked so a reply and a resolve of the same remark are taken one after the other (a
 * reply never lands on a thread resolved meanwhile); undefined when unknown.
 */
export async function lockRemark(db: Queryable, remarkId: string): Promise<LockedRemark | undefined> {
  const [remark]: LockedRemark[] = await db.query(
    `SELECT m.report_id, r.unit_id, r.plan_id, r.stage, m.section_key, m.resolved_at
         FROM report_remarks m JOIN reports r ON r.id = m.report_id WHERE m.id = $1 FOR NO KEY UPDATE OF m`,
    [remarkId],
  );
  return remark;
}
