import { Body, Controller, Get, HttpCode, Ip, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, AuthService, PasswordsService } from '@app/core';
import { Public } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { ChangeOwnPasswordDto, LoginAnswerDto, LoginDto } from './auth.dto';
import { MeView } from './me-view.dto';
import { withRetryAfter } from './retry-after';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordsService,
  ) {}

  @Public()
  @Post('auth/login')
  // Public: its small limit is what protects it. A username and a password, a few hundred characters.
  @BodyLimit('4kb')
  @HttpCode(200)
  @ApiOperation({ summary: 'Signs in: a new session and its bearer token' })
  @ApiOkResponse({ type: LoginAnswerDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this username or from this address; Retry-After says when to try again' })
  login(@Body() body: LoginDto, @Ip() address: string, @Res({ passthrough: true }) response: FastifyReply) {
    return withRetryAfter(response, () => this.auth.login(body.username, body.password, address));
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the calling session only (the caller’s other sessions go on)' })
  @ApiNoContentResponse({ description: 'The token of this request no longer works' })
  async logout(@CurrentActor() actor: Actor, @Ip() address: string): Promise<void> {
    await this.auth.logout(actor, address);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.id);
  }

  @ApiBearerAuth()
  @Put('me/password')
  @BodyLimit('4kb')
  @HttpCode(204)
  @ApiOperation({ summary: 'Changes the caller’s password; every session of the caller ends, this one too (sign in again)' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiUnprocessableEntityResponse({ description: 'The current password is wrong, or the new one is the same' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords; Retry-After says when to try again' })
  async changeOwnPassword(
    @Body() body: ChangeOwnPasswordDto,
    @CurrentActor() actor: Actor,
    @Ip() address: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await withRetryAfter(response, () => this.passwords.changeOwn(actor, body.currentPassword, body.newPassword, address));
  }
}
