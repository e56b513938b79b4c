import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countUnreadNotices, listInboxNotices, markAllNoticesRead, markNoticeRead } from '@app/dal';
import { notFound } from '@app/domain';

/** The in-app inbox: a person's own notices, newest first. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of the inbox, newest first (a drafter of a long plan gathers hundreds of reminders). */
  async list(userId: string, unreadOnly: boolean, page: { limit?: number; offset?: number } = {}) {
    return listInboxNotices(this.db, userId, { unreadOnly, limit: page.limit ?? 200, offset: page.offset ?? 0 });
  }

  async unreadCount(userId: string): Promise<number> {
    return countUnreadNotices(this.db, userId);
  }

  /** Another person's notice is reported as unknown, so ids reveal nothing. */
  async markRead(userId: string, id: string) {
    const notice = await markNoticeRead(this.db, userId, id);
    if (!notice) throw notFound('Notification', id);
    return notice;
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    return { updated: await markAllNoticesRead(this.db, userId) };
  }
}
