import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { DASHBOARD_COOKIE, DASHBOARD_PATH } from './queue-dashboard';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueueDashboardController {
  /** Lets an administrator's browser open /admin/queues: the token goes into a cookie for that path only. */
  @AdminOnly()
  @Post('session')
  @HttpCode(204)
  async session(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = (req.headers.authorization ?? '').split(' ')[1];
    res.cookie(DASHBOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: DASHBOARD_PATH, maxAge: 8 * 3600_000 });
  }
}
