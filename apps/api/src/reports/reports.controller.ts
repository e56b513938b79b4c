import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ReportsService, SubmissionService } from '@app/core';
import { TrailEventView } from '../audit/trail-event-view.dto';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { IndicatorsPipe } from './indicators.pipe';
import { ReportListQueryDto, SectionPartsDto } from './report.dto';
import { ReportSummaryView, ReportVersionView, ReportView, SubmittedReportView } from './report-view.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly submission: SubmissionService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ReportSummaryView], description: 'Without the texts' })
  list(@Query() query: ReportListQueryDto, @CurrentActor() actor: Actor) {
    return this.reports.list(actor.id, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportView })
  get(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.reports.get(id, actor.id);
  }

  // Six texts of up to 50,000 characters, three bytes each in UTF-8.
  @Put(':id/sections/:key')
  @BodyLimit('1mb')
  @ApiOperation({ summary: 'Edits the texts of one outline item while drafting; a text the item does not take (see `takes`) is refused with 400 naming it' })
  @ApiOkResponse({ type: ReportView })
  updateSection(@Param('id', UUID) id: string, @Param('key') key: string, @Body() body: SectionPartsDto, @CurrentActor() actor: Actor) {
    return this.reports.updateSection(id, key, body, actor);
  }

  @Put(':id/indicators')
  @ApiOperation({
    summary: 'Sets figures of the report while drafting (a number per the figure’s kind, null clears it)',
    description:
      'Applied whole or not at all: a 400 carries `problems: {key: message}` (Vietnamese) for every figure refused (unknown, wrong kind, negative, a derived percentage, or contradicting another figure). Derived percentages come back computed in `derivedIndicators`.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: { type: 'number', nullable: true, minimum: 0 },
      example: { members_start: 120, members_end: 131, lecturers: null },
    },
  })
  @ApiBadRequestResponse({ description: '`{statusCode: 400, message, problems: {key: message}}`; nothing changed' })
  @ApiOkResponse({ type: ReportView })
  updateIndicators(@Param('id', UUID) id: string, @Body(IndicatorsPipe) body: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.reports.updateIndicators(id, body, actor);
  }

  @Post(':id/submit')
  @ApiAcceptedResponse({ type: SubmittedReportView })
  @HttpCode(202)
  submit(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.submission.submit(id, actor);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [TrailEventView], description: 'Oldest first; `actorName` is the full name of who acted (null for the engine)' })
  events(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.reports.events(id, actor.id);
  }

  /** Every submitted version of the content, so a reviewer sees exactly what was approved. */
  @Get(':id/versions')
  @ApiOkResponse({ type: [ReportVersionView], description: 'Oldest first' })
  versions(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.reports.snapshots(id, actor.id);
  }
}
