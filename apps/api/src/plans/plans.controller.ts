import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AccessService,
  Actor,
  AuditService,
  ConsolidationService,
  FiguresCutOff,
  LaunchAnswer,
  LaunchedReports,
  NudgeAnswer,
  NudgesService,
  PlansService,
  planView,
  PlanVisibility,
  ProgressService,
} from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { TrailEventView } from '../audit/trail-event-view.dto';
import { CurrentActor } from '../common/current-actor.decorator';
import { sendJsonInParts } from '../common/json-in-parts';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { Heavy } from '../http/heavy.decorator';
import { JSON_MEDIA_TYPE, streamedAnswer } from '../http/raw-answer';
import { ConsolidatedQueryDto } from './consolidated-query.dto';
import { AttributedTextView, ConsolidatedView, UnitFigureView } from './consolidated-view.dto';
import { PlanView, StoredPlanView } from './plan-view.dto';
import { LaunchView } from './launch-view.dto';
import { ProgressView } from './progress-view.dto';
import { consolidatedBreakdownJson } from './consolidated-breakdown-json';
import { consolidatedHead, consolidatedSectionJson } from './consolidated-section-json';
import { CreatePlanDto, DeadlinesDto } from './plan.dto';
import { NudgeAnswerView, NudgeDto, NudgeRefusedView } from './nudge.dto';
import { PlanEventsQueryDto } from './plan-events-query.dto';

const DEADLINES_REFUSED =
  'Also for deadlines past or out of order unless `confirmDeadlines: true`: `{statusCode: 400, message (Vietnamese, naming each field), ' +
  'deadlineProblems: [{field: "deadlines.cell.drafting", problem: "past"|"order", message}]}`; nothing is changed.';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly progressService: ProgressService,
    private readonly consolidation: ConsolidationService,
    private readonly access: AccessService,
    private readonly launched: LaunchedReports,
    private readonly audit: AuditService,
    private readonly figuresCutOff: FiguresCutOff,
    private readonly visibility: PlanVisibility,
    private readonly nudges: NudgesService,
  ) {}

  @AdminOnly()
  @Post()
  // The plan with its basis documents, outline, deadlines and reminders.
  @BodyLimit('256kb')
  @ApiCreatedResponse({ type: PlanView })
  @ApiBadRequestResponse({ description: DEADLINES_REFUSED })
  async create(@Body() body: CreatePlanDto, @CurrentActor() actor: Actor) {
    return planView(await this.plans.create(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: [StoredPlanView], description: 'Newest first, at most 500' })
  @ApiOperation({
    summary: 'The plans the caller may see',
    description:
      'Administrators see every plan; others the plans whose tree of units holds a unit they have a role on, or whose root is at or below such a unit.',
  })
  list(@CurrentActor() actor: Actor) {
    return this.visibility.visiblePlans(actor.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A plan, with the definitions of its figures (`indicatorDefinitions`) and the appendix tables they form (`indicatorGroups`)' })
  @ApiOkResponse({ type: PlanView })
  @ApiForbiddenResponse({ description: 'The caller holds no role in the plan’s tree of units (nor above its root) and is not an administrator' })
  async get(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return planView((await this.visibility.visiblePlan(id, actor.id)).plan);
  }

  @AdminOnly()
  @Put(':id/deadlines')
  @ApiOkResponse({ type: StoredPlanView, description: 'The plan with its new deadlines' })
  @BodyLimit('64kb')
  @ApiBadRequestResponse({ description: `${DEADLINES_REFUSED} An edit refuses only the order: a running plan keeps its passed dates.` })
  async deadlines(@Param('id', UUID) id: string, @Body() body: DeadlinesDto, @CurrentActor() actor: Actor) {
    return this.plans.updateDeadlines(id, body.deadlines, actor, body.confirmDeadlines === true);
  }

  @AdminOnly()
  @Post(':id/launch')
  @ApiAcceptedResponse({ type: LaunchView })
  @HttpCode(202)
  async launch(@Param('id', UUID) id: string, @CurrentActor() actor: Actor): Promise<LaunchAnswer> {
    await this.plans.requestLaunch(id, actor);
    return this.launched.waitFor(id);
  }

  /** The plan's own audit trail (not one report's): for administrators and the root unit's people. */
  @Get(':id/events')
  @ApiOkResponse({ type: [TrailEventView], description: 'Oldest first, with `id` and `data`; `actorName` is the full name of who acted (null for the engine)' })
  async events(@Param('id', UUID) id: string, @Query() query: PlanEventsQueryDto, @CurrentActor() actor: Actor) {
    const plan = await this.plans.get(id);
    await this.access.assertCanSeeUnit(actor.id, plan.rootUnitId);
    return this.audit.planEvents(id, query);
  }

  @Get(':id/progress')
  @ApiOkResponse({ type: ProgressView })
  @Heavy()
  @ApiOperation({
    summary: 'Where the reports of the plan stand, as far as the caller may see',
    description:
      'Administrators and the people of the root (or above) see every unit and the plan-level stages; people of units inside the tree see the units at or below theirs, with totals, byStage and overdue counted over those (`scope` says which).',
  })
  @ApiForbiddenResponse({ description: 'The caller holds no role in the plan’s tree of units (nor above its root) and is not an administrator' })
  async progress(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.progressService.progress(await this.visibility.visiblePlan(id, actor.id));
  }

  @Post(':id/nudges')
  @HttpCode(200)
  @BodyLimit('64kb')
  @ApiOperation({
    summary: 'Đôn đốc: remind the people who must act on overdue units’ reports',
    description:
      'Each unit named whose report is overdue gets a notice (and its e-mail) to every holder of an open task of its report, audited as `plan.nudge`; ' +
      'at most once per unit per plan per Hà Nội day. Units that cannot be nudged now are listed in `skipped` with the reason. ' +
      'For administrators and people with a role on a unit above each unit named.',
  })
  @ApiOkResponse({ type: NudgeAnswerView, description: 'At least one unit was nudged' })
  @ApiBadRequestResponse({
    description: 'A malformed body (Vietnamese message naming `units`), or units the plan has no report of: `unknownUnits` lists them; nothing sent',
  })
  @ApiForbiddenResponse({ description: 'The caller may not see the plan, or holds no role above one of the units (the message names them); nothing sent' })
  @ApiNotFoundResponse({ description: 'No plan with this id' })
  @ApiConflictResponse({
    type: NudgeRefusedView,
    description: 'No unit could be nudged (all nudged today already, not overdue, or nobody to act); `skipped` says why for each',
  })
  async nudge(@Param('id', UUID) id: string, @Body() body: NudgeDto, @CurrentActor() actor: Actor): Promise<NudgeAnswer> {
    return this.nudges.nudge(id, body.units, actor);
  }

  /**
   * Written section by section, then the figures' breakdown figure by figure (see sendJsonInParts):
   * for a whole Bloc it runs to hundreds of megabytes.
   */
  @Get(':id/consolidated')
  @Heavy()
  @ApiExtraModels(AttributedTextView, UnitFigureView)
  @ApiOkResponse({ type: ConsolidatedView, description: 'With `asOf`, `asOfSource`, `cutOffAt`, `collectedAt` and `completeness` besides' })
  @ApiOperation({
    summary: 'The consolidated report of a consolidating unit (the root by default)',
    description:
      "Additive to the contract: each section carries `part`, `takes` and the `text` of one-text items; each attributed text its unit's `unitName`; `indicators` are the totals (a figure nobody reported is absent, never 0; percentages recomputed or averaged, never summed) and `indicatorBreakdown` gives, per figure, each reporting unit's value with its code and name.",
  })
  async consolidated(
    @Param('id', UUID) id: string,
    @CurrentActor() actor: Actor,
    @Query() query: ConsolidatedQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { head, sections, figures } = await this.consolidation.consolidatedBySection(id, actor.id, query.unit);
    const asOf = await this.figuresCutOff.of(id, head.unitCode);
    const res = streamedAnswer(reply, JSON_MEDIA_TYPE);
    await sendJsonInParts(res, consolidatedHead(head, asOf), 'sections', sections, consolidatedSectionJson, [
      { key: 'indicatorBreakdown', pieces: () => consolidatedBreakdownJson(figures.definitions, figures.units) },
    ]);
  }
}
