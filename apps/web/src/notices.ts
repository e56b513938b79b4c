/** The signed-in person's inbox: list, unread count, marking read. */
import { api } from './api-client';
import type { Notice } from './api-types';

export const notices = {
  list: (unreadOnly = false) => api.get<Notice[]>(`/api/me/notifications${unreadOnly ? '?unread=true' : ''}`),
  unreadCount: async () => (await api.get<{ unread: number }>('/api/me/notifications/unread-count')).unread,
  markRead: (id: string) => api.post<unknown>(`/api/me/notifications/${id}/read`),
  markAllRead: () => api.post<unknown>('/api/me/notifications/read-all'),
};

/** Other parts of the page (the bell) hear when notices were read elsewhere. */
export const NOTICES_CHANGED = 'tongket:notices-changed';

export function announceNoticesChanged(): void {
  dispatchEvent(new Event(NOTICES_CHANGED));
}
