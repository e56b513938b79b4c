import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, PlanMigrationsService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { MigrationPreviewView, MigrationRequestDto, MigrationView } from './migration.dto';

/** Moving a running plan to another workflow version: dry run (200) or a queued batch (202). */
@ApiTags('migrations')
@ApiBearerAuth()
@Controller()
export class MigrationsController {
  constructor(private readonly migrations: PlanMigrationsService) {}

  @AdminOnly()
  @Post('plans/:id/migrations')
  @ApiOkResponse({ type: MigrationPreviewView, description: 'A dry run (`dryRun: true`): what the migration would do, nothing changed' })
  @ApiAcceptedResponse({ type: MigrationView, description: 'The migration is recorded and queued; GET /api/migrations/:id answers how far it is' })
  async request(
    @Param('id', UUID) planId: string,
    @Body() body: MigrationRequestDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const dryRun = body.dryRun ?? false;
    void response.code(dryRun ? 200 : 202);
    return this.migrations.request(planId, { toVersion: body.toVersion, stageMap: body.stageMap ?? {}, dryRun }, actor);
  }

  @AdminOnly()
  @Get('plans/:id/migrations')
  @ApiOkResponse({ type: [MigrationView] })
  async listForPlan(@Param('id', UUID) planId: string) {
    return this.migrations.listForPlan(planId);
  }

  @AdminOnly()
  @Get('migrations/:id')
  @ApiOkResponse({ type: MigrationView })
  async get(@Param('id', UUID) id: string) {
    return this.migrations.get(id);
  }
}
