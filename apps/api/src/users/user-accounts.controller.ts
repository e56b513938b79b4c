import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, PasswordsService, UserAccounts } from '@app/core';
import { ResetPasswordDto } from '../auth/auth.dto';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { UserView } from './user-view.dto';

/** Administration of accounts: who may sign in, and passwords reset by an administrator. Each ends the person's sessions. */
@ApiTags('users')
@ApiBearerAuth()
@AdminOnly()
@Controller('users')
export class UserAccountsController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly passwords: PasswordsService,
  ) {}

  @Post(':username/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivates a user: their sessions end at once and they cannot sign in; roles and history stay' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiUnprocessableEntityResponse({ description: 'It would leave no active administrator' })
  deactivate(@Param('username') username: string, @CurrentActor() actor: Actor) {
    return this.accounts.deactivate(username, actor);
  }

  @Post(':username/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lets a deactivated user sign in again' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'No such user' })
  reactivate(@Param('username') username: string, @CurrentActor() actor: Actor) {
    return this.accounts.reactivate(username, actor);
  }

  @Put(':username/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets a user’s password; their sessions end at once. Audited as a reset, without the password' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiNotFoundResponse({ description: 'No such user' })
  async resetPassword(@Param('username') username: string, @Body() body: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.passwords.reset(username, body.password, actor);
  }
}
