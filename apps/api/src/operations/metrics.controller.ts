import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { MetricsService } from '@app/core';
import { Public } from '../common/auth.guard';
import { MetricsAccessGuard } from './metrics-access.guard';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /** Public to the API's own guard, which knows only access tokens: MetricsAccessGuard also takes METRICS_TOKEN. */
  @Public()
  @UseGuards(MetricsAccessGuard)
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus text',
    description: 'Authorization: Bearer <METRICS_TOKEN> (the setting, for Prometheus) or an administrator’s access token.',
  })
  @ApiOkResponse({
    description: 'Queue depth per state, jobs per queue, decision-to-transition latency, open and overdue tasks, process memory',
    content: { 'text/plain': { schema: { type: 'string', description: 'Prometheus text exposition format 0.0.4' } } },
  })
  @ApiUnauthorizedResponse({ description: 'No bearer token, or one that is neither METRICS_TOKEN nor a valid access token' })
  @ApiForbiddenResponse({ description: 'A valid access token of someone who is not an administrator' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
