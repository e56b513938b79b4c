import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@app/domain';

/** The in-app inbox: a person's own notices, newest first. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of the inbox, newest first (a drafter of a long plan gathers hundreds of reminders). */
  async list(userId: string, unreadOnly: boolean, page: { limit?: number; offset?: number } = {}) {
    return this.db.query(
      `SELECT id, kind, title, body, plan_id AS "planId", report_id AS "reportId", task_id AS "taskId", link, created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 AND ($2 = false OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, page.limit ?? 200, page.offset ?? 0],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }

  /** Another person's notice is reported as unknown, so ids reveal nothing. */
  async markRead(userId: string, id: string) {
    const [rows] = await this.db.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING id, kind, title, body, plan_id AS "planId", report_id AS "reportId", task_id AS "taskId", link, created_at AS "createdAt", read_at AS "readAt"`,
      [id, userId],
    );
    if (rows.length === 0) throw notFound('Notification', id);
    return rows[0];
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    const [, updated] = await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return { updated };
  }
}
