import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, NotificationsService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { NotificationListQueryDto } from './notification.dto';
import { NotificationView } from './notification-view.dto';
import { ReadAllView, UnreadCountView } from './inbox-counts.dto';

/** The signed-in person's in-app inbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationView], description: 'Newest first; each with `link`, the page that acts on it' })
  list(@Query() query: NotificationListQueryDto, @CurrentActor() actor: Actor) {
    return this.notifications.list(actor.id, query.unread === 'true', { limit: query.limit, offset: query.offset });
  }

  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unread: await this.notifications.unreadCount(actor.id) };
  }

  @Post('read-all')
  @ApiOkResponse({ type: ReadAllView })
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationView })
  read(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.notifications.markRead(actor.id, id);
  }
}
