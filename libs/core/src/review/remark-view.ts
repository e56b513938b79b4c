import { EntityManager } from 'typeorm';

/** A remark and its replies as the API answers them; people are named by username and full name. */
export interface RemarkView {
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

const REMARKS_SELECT = `
  SELECT m.id, m.report_id AS "reportId", m.section_key AS section, m.quote, m.body AS text, a.username AS author, a.full_name AS "authorName",
         m.stage, m.round, m.created_at AS "createdAt", m.resolved_at AS "resolvedAt", r.username AS "resolvedBy", r.full_name AS "resolvedByName",
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'text', p.body, 'author', pa.username, 'authorName', pa.full_name, 'createdAt', p.created_at)
                                   ORDER BY p.created_at, p.id)
                     FROM report_remark_replies p JOIN users pa ON pa.id = p.author_id WHERE p.remark_id = m.id), '[]') AS replies
    FROM report_remarks m JOIN users a ON a.id = m.author_id LEFT JOIN users r ON r.id = m.resolved_by`;

/** A report's remarks, oldest first, each with its replies oldest first. */
export async function remarksOfReport(em: EntityManager, reportId: string): Promise<RemarkView[]> {
  const rows: RemarkView[] = await em.query(`${REMARKS_SELECT} WHERE m.report_id = $1 ORDER BY m.created_at, m.id`, [reportId]);
  return rows.map(withReplyDates);
}

export async function remarkById(em: EntityManager, id: string): Promise<RemarkView | undefined> {
  const [remark]: RemarkView[] = await em.query(`${REMARKS_SELECT} WHERE m.id = $1`, [id]);
  return remark && withReplyDates(remark);
}

/** json_agg gives the replies' times as text in the database's zone: as Dates they are answered in the engine's (+07:00) like every time. */
function withReplyDates(remark: RemarkView): RemarkView {
  return { ...remark, replies: remark.replies.map((reply) => ({ ...reply, createdAt: new Date(reply.createdAt) })) };
}
