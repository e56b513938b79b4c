import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { NewAccounts } from './new-accounts.service';
import { PasswordLinkDelivery } from './password-link-delivery.service';
import { SetPasswords } from './set-password.service';

/**
 * Set-password links: SetPasswords for the API (a person sets their password, an administrator
 * sends a new link or adds a person, who gets one), PasswordLinkDelivery for the worker (the e-mail, with its token).
 */
@Module({
  imports: [AuthModule, NotificationsModule, OrgModule],
  providers: [SetPasswords, PasswordLinkDelivery, NewAccounts],
  exports: [SetPasswords, PasswordLinkDelivery, NewAccounts],
})
export class PasswordLinksModule {}
