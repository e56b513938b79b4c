import { Body, Controller, HttpCode, HttpStatus, Ip, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, SetPasswords } from '@app/core';
import { withRetryAfter } from '../auth/retry-after';
import { AdminOnly, Public } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { PasswordLinkSentDto, SetPasswordDto } from './set-password.dto';

/** People set their own password from an e-mailed link; an administrator sends a new link. */
@ApiTags('auth')
@Controller()
export class SetPasswordController {
  constructor(private readonly setPasswords: SetPasswords) {}

  @Public()
  @Post('auth/set-password')
  // Public: its small limit is what protects it, as for the login.
  @BodyLimit('4kb')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sets one’s password from the token of an e-mailed link (no sign-in); the link is used up and the person’s sessions end',
    description:
      'A wrong, used, expired or revoked token, or one of a deactivated person, all get the same 400, counted as failed logins per address (429 with Retry-After beyond LOGIN_MAX_FAILURES). Audited as auth.set_password or auth.set_password_failed, never with the token or the password.',
  })
  @ApiNoContentResponse({ description: 'The password is set: sign in with it' })
  @ApiBadRequestResponse({ description: 'The link cannot be used (one message for every reason), or the password is too short or too long' })
  @ApiTooManyRequestsResponse({ description: 'Too many unusable links from this address; Retry-After says when to try again' })
  async setPassword(@Body() body: SetPasswordDto, @Ip() address: string, @Res({ passthrough: true }) response: FastifyReply): Promise<void> {
    await withRetryAfter(response, () => this.setPasswords.setPassword(body.token, body.password, address));
  }

  @ApiBearerAuth()
  @AdminOnly()
  @Post('users/:username/set-password-link')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Sends the person a new set-password link by e-mail (a lost or expired one); their earlier links stop working',
    description:
      'The e-mail goes out through the queue; the link works once, for SET_PASSWORD_LINK_DAYS days. The current password keeps working until the new one is set. Audited as user.set_password_link.',
  })
  @ApiAcceptedResponse({ type: PasswordLinkSentDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'The account is deactivated' })
  sendLink(@Param('username') username: string, @CurrentActor() actor: Actor): Promise<PasswordLinkSentDto> {
    return this.setPasswords.sendNewLink(username, actor);
  }
}
