import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, NewAccounts, PasswordsService, UserAccounts } from '@app/core';
import { ResetPasswordDto } from '../auth/auth.dto';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { NewUserDto, NewUserView } from './new-user.dto';
import { UserView } from './user-view.dto';

/**
 * Administration of accounts: adding a person, who may sign in, and passwords reset by an
 * administrator. Deactivating and resetting end the person's sessions.
 */
@ApiTags('users')
@ApiBearerAuth()
@AdminOnly()
@Controller('users')
export class UserAccountsController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly passwords: PasswordsService,
    private readonly newAccounts: NewAccounts,
  ) {}

  @Post()
  @BodyLimit('4kb')
  @ApiOperation({
    summary: 'Adds a person without a password: they get a set-password link by e-mail; roles and positions are given afterwards',
    description: 'Audited as user.create. The link works once, for SET_PASSWORD_LINK_DAYS days.',
  })
  @ApiCreatedResponse({ type: NewUserView })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; `message` lists each, in Vietnamese' })
  @ApiConflictResponse({ description: 'The username is taken; nothing is changed' })
  create(@Body() body: NewUserDto, @CurrentActor() actor: Actor) {
    return this.newAccounts.create({ username: body.username, fullName: body.fullName, email: body.email }, actor);
  }

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
