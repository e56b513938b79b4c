import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, LevelReportsService, LevelSourcesService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { KeyPipe } from '../common/key-param';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { Heavy } from '../http/heavy.decorator';
import { IndicatorsPipe } from '../reports/indicators.pipe';
import { LevelFiguresQueryDto, LevelQueryDto, LevelSectionDto, LevelSourcesQueryDto } from './level-report.dto';
import { LevelCompletenessView, LevelFiguresView, LevelReportSubmittedView, LevelReportView, LevelSourcesView } from './level-report-view.dto';
import { ReportVersionView } from '../reports/report-view.dto';

const READERS = 'Anyone holding a role at the plan’s root (the working group, the Standing Committee) and administrators';
const WRITERS = 'Only the working group: the holders of the `consolidator` role at the plan’s root';
const SOURCE_READERS = 'Anyone holding a role on the consolidating unit (`level`) or above it, and administrators';

/**
 * The Khối's own report, written by its working group from the approved reports below and adopted
 * by the Standing Committee; and, for every consolidating level (an intermediate one writes its own
 * unit report, see /api/reports), the sources its writers work from.
 */
@ApiTags('level reports')
@ApiBearerAuth()
@Controller('plans')
export class LevelReportsController {
  constructor(
    private readonly levelReports: LevelReportsService,
    private readonly sourcesService: LevelSourcesService,
  ) {}

  @Get(':id/level-report')
  @ApiOkResponse({ type: LevelReportView })
  @ApiOperation({
    summary: 'The Khối’s own report (dự thảo báo cáo tổng hợp)',
    description:
      'Created, pre-filled from the approved reports collected, when the root’s collection completes and the working group’s round opens. ' +
      '`status`: drafting (also after the Standing Committee returned it, with `lastReturnReason`), submitted, adopted. `sections` lists every outline item ' +
      'with its part (I–V), guidance and the texts it takes (`takes`, `parts`); `indicators` the figures entered, `sums` the group’s sums they were last given ' +
      '(a figure still equal to its sum follows the sums when the report is submitted). `canEdit`, `canSubmit`: what the caller may do now.',
  })
  @ApiForbiddenResponse({ description: READERS })
  @ApiNotFoundResponse({ description: 'Unknown plan, or its report does not exist yet (the root’s collection is not complete)' })
  get(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.levelReports.get(id, actor.id);
  }

  // Six texts; the pre-fill can make one large (see LEVEL_TEXT_MAX): the web app sends one text at a time.
  @Put(':id/level-report/sections/:key')
  @ApiOkResponse({ type: LevelReportView })
  @BodyLimit('4mb')
  @ApiOperation({ summary: 'Edits the texts of one outline item while the report is drafted; a text the item does not take is refused with 400 naming it' })
  @ApiForbiddenResponse({ description: WRITERS })
  @ApiConflictResponse({ description: 'The report is not being drafted (submitted or adopted)' })
  editSection(@Param('id', UUID) id: string, @Param('key', KeyPipe) key: string, @Body() body: LevelSectionDto, @CurrentActor() actor: Actor) {
    return this.levelReports.editSection(id, key, body, actor);
  }

  @Put(':id/level-report/indicators')
  @ApiOkResponse({ type: LevelReportView })
  @ApiOperation({
    summary: 'Sets figures of the report while it is drafted (a number per the figure’s kind, null clears it); checked as a unit report’s figures',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: { type: 'number', nullable: true, minimum: 0 }, example: { members_end: 77000 } } })
  @ApiBadRequestResponse({ description: '`{statusCode: 400, message, problems: {key: message}}`; nothing changed' })
  @ApiForbiddenResponse({ description: WRITERS })
  @ApiConflictResponse({ description: 'The report is not being drafted' })
  editFigures(@Param('id', UUID) id: string, @Body(IndicatorsPipe) body: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.levelReports.editFigures(id, body, actor);
  }

  @Post(':id/level-report/submit')
  @ApiAcceptedResponse({ type: LevelReportSubmittedView })
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submits the report to the Standing Committee',
    description:
      'Completes the caller’s task of the working group’s round (as POST /api/tasks/:id/complete with approve does, which also submits the report as it stands): ' +
      'the waiting reports go to done, the report is snapshotted and the Standing Committee’s round opens, shortly after (202).',
  })
  @ApiAcceptedResponse({ description: '`{planId, taskId, decision}`' })
  @ApiUnprocessableEntityResponse({ description: '`{message, missing: [itemKeys]}`: required items still empty' })
  @ApiForbiddenResponse({ description: WRITERS })
  @ApiConflictResponse({ description: 'The report is not being drafted, or the caller holds no open task of the round' })
  submit(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.levelReports.submit(id, actor);
  }

  @Get(':id/level-report/versions')
  @ApiOkResponse({ type: [ReportVersionView], description: 'Every version sent to the Standing Committee, oldest first' })
  @ApiOperation({ summary: 'Every version submitted to the Standing Committee, oldest first, as GET /api/reports/:id/versions' })
  @ApiForbiddenResponse({ description: READERS })
  versions(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.levelReports.versions(id, actor.id);
  }

  @Get(':id/level-report/sources')
  @ApiOkResponse({ type: LevelSourcesView })
  @ApiOperation({
    summary: 'The approved texts a consolidating level writes from, per outline item, a page of units at a time',
    description:
      'Units in the order the level’s report reads them (each unit followed by those below it), each with its id, code, name, the name it is cited by ' +
      '(`citedAs`) and kind. `unit` keeps one unit and those below it; `section` one item (only its texts are read); `from`/`limit` page over the units ' +
      '(`total`, `next`). A unit without text in an item is left out of that item’s `sources`.',
  })
  @ApiForbiddenResponse({ description: SOURCE_READERS })
  sources(@Param('id', UUID) id: string, @Query() query: LevelSourcesQueryDto, @CurrentActor() actor: Actor) {
    return this.sourcesService.sources(id, actor.id, query);
  }

  // Reads every unit's figures of the level: for a Bloc, thousands of rows.
  @Get(':id/level-report/figures')
  @ApiOkResponse({ type: LevelFiguresView })
  @Heavy()
  @ApiOperation({
    summary: 'The figures of the units a level gathers, added up as the level’s report starts from them, with one figure’s breakdown by unit',
    description:
      '`totals` (blanks stay blank, percentages averaged or recomputed, never summed), `reported` (units per figure), `definitions` and `groups` of the appendix; with `indicator`, `breakdown.units` lists each reporting unit’s value.',
  })
  @ApiForbiddenResponse({ description: SOURCE_READERS })
  figures(@Param('id', UUID) id: string, @Query() query: LevelFiguresQueryDto, @CurrentActor() actor: Actor) {
    return this.sourcesService.figures(id, actor.id, query);
  }

  @Get(':id/level-report/completeness')
  @ApiOkResponse({ type: LevelCompletenessView })
  @Heavy()
  @ApiOperation({ summary: 'Who the level has a report from, who is missing, who was late or returned: the consolidation’s completeness table' })
  @ApiForbiddenResponse({ description: SOURCE_READERS })
  completeness(@Param('id', UUID) id: string, @Query() query: LevelQueryDto, @CurrentActor() actor: Actor) {
    return this.sourcesService.completeness(id, actor.id, query.level);
  }
}
