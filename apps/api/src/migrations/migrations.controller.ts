import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessService, Actor, PlanMigrationsService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { MigrationRequestDto, MigrationView } from './migration.dto';

/** Moving a running plan to another workflow version: dry run (200) or a queued batch (202). */
@ApiTags('migrations')
@ApiBearerAuth()
@Controller()
export class MigrationsController {
  constructor(
    private readonly migrations: PlanMigrationsService,
    private readonly access: AccessService,
  ) {}

  @Post('plans/:id/migrations')
  async request(
    @Param('id', UUID) planId: string,
    @Body() body: MigrationRequestDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.access.assertAdmin(actor.id);
    const dryRun = body.dryRun ?? false;
    response.status(dryRun ? 200 : 202);
    return this.migrations.request(planId, { toVersion: body.toVersion, stageMap: body.stageMap ?? {}, dryRun }, actor);
  }

  @Get('plans/:id/migrations')
  @ApiOkResponse({ type: [MigrationView] })
  async listForPlan(@Param('id', UUID) planId: string, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.migrations.listForPlan(planId);
  }

  @Get('migrations/:id')
  @ApiOkResponse({ type: MigrationView })
  async get(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.migrations.get(id);
  }
}
