import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PasswordLinkDelivery } from './password-link-delivery.service';
import { SetPasswords } from './set-password.service';

/**
 * Set-password links: SetPasswords for the API (a person sets their password, an administrator
 * sends a new link), PasswordLinkDelivery for the worker (the e-mail, with its token).
 */
@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [SetPasswords, PasswordLinkDelivery],
  exports: [SetPasswords, PasswordLinkDelivery],
})
export class PasswordLinksModule {}
