import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, AuthService } from '@app/core';
import { Public } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { LoginDto } from './auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  // Public: its small limit is what protects it. A username and a password, a few hundred characters.
  @BodyLimit('4kb')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Ip() address: string) {
    return this.auth.login(body.username, body.password, address);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.id);
  }
}
