import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AccessService, Actor, AuditService, ConsolidationService, FiguresCutOff, LaunchAnswer, LaunchedReports, PlansService, ProgressService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { sendJsonInParts } from '../common/json-in-parts';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { ConsolidatedQueryDto } from './consolidated-query.dto';
import { consolidatedHead, consolidatedSectionJson } from './consolidated-section-json';
import { CreatePlanDto, DeadlinesDto } from './plan.dto';
import { PlanEventsQueryDto } from './plan-events-query.dto';

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
  ) {}

  @AdminOnly()
  @Post()
  // The plan with its basis documents, outline, deadlines and reminders.
  @BodyLimit('256kb')
  async create(@Body() body: CreatePlanDto, @CurrentActor() actor: Actor) {
    return this.plans.create(body, actor);
  }

  @Get()
  list() {
    return this.plans.list();
  }

  @Get(':id')
  get(@Param('id', UUID) id: string) {
    return this.plans.get(id);
  }

  @AdminOnly()
  @Put(':id/deadlines')
  @BodyLimit('64kb')
  async deadlines(@Param('id', UUID) id: string, @Body() body: DeadlinesDto, @CurrentActor() actor: Actor) {
    return this.plans.updateDeadlines(id, body.deadlines, actor);
  }

  @AdminOnly()
  @Post(':id/launch')
  @HttpCode(202)
  async launch(@Param('id', UUID) id: string, @CurrentActor() actor: Actor): Promise<LaunchAnswer> {
    await this.plans.requestLaunch(id, actor);
    return this.launched.waitFor(id);
  }

  /** The plan's own audit trail (not one report's): for administrators and the root unit's people. */
  @Get(':id/events')
  async events(@Param('id', UUID) id: string, @Query() query: PlanEventsQueryDto, @CurrentActor() actor: Actor) {
    const plan = await this.plans.get(id);
    await this.access.assertCanSeeUnit(actor.id, plan.rootUnitId);
    return this.audit.planEvents(id, query);
  }

  @Get(':id/progress')
  progress(@Param('id', UUID) id: string) {
    return this.progressService.progress(id);
  }

  /** Written section by section (see sendJsonInParts): for a whole Bloc it runs to hundreds of megabytes. */
  @Get(':id/consolidated')
  async consolidated(@Param('id', UUID) id: string, @CurrentActor() actor: Actor, @Query() query: ConsolidatedQueryDto, @Res() res: Response): Promise<void> {
    const { head, sections } = await this.consolidation.consolidatedBySection(id, actor.id, query.unit);
    const figures = await this.figuresCutOff.of(id, head.unitCode);
    await sendJsonInParts(res, consolidatedHead(head, figures), 'sections', sections, consolidatedSectionJson);
  }
}
