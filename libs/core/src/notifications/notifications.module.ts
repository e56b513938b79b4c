import { Module } from '@nestjs/common';
import { EmailDelivery } from './email-delivery.service';
import { Mailer } from './mailer';
import { NotificationsService } from './notifications.service';

@Module({ providers: [NotificationsService, EmailDelivery, Mailer], exports: [NotificationsService, EmailDelivery, Mailer] })
export class NotificationsModule {}
