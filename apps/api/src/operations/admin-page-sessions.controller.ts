import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminOnly } from '../common/auth.guard';
import { setAdminCookie } from './admin-request';
import { API_DOCS_PATH } from './api-docs-access';
import { DASHBOARD_PATH } from './queue-dashboard';

/**
 * Lets an administrator's browser open the admin pages served outside the API's routes: the
 * bearer token goes into an HttpOnly, SameSite=Strict cookie for that page's path only.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin')
export class AdminPageSessionsController {
  @AdminOnly()
  @Post('queues/session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Opens the queue dashboard (/admin/queues) in this browser: sets its admin cookie (Secure over HTTPS)' })
  @ApiNoContentResponse({ description: 'Cookie tongket_admin_token set for path /admin/queues' })
  queues(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): void {
    setAdminCookie(req, res, DASHBOARD_PATH);
  }

  @AdminOnly()
  @Post('docs/session')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Opens Swagger UI (/docs) in this browser: sets its admin cookie (Secure over HTTPS)',
    description: '/docs and /docs-json need an administrator: a bearer header, or in a browser this cookie. Tools fetch /docs-json with the header.',
  })
  @ApiNoContentResponse({ description: 'Cookie tongket_admin_token set for path /docs' })
  docs(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): void {
    setAdminCookie(req, res, API_DOCS_PATH);
  }
}
