import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessService, Actor, WorkflowsService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { KeyPipe } from '../common/key-param';
import { WorkflowVersionDto } from './workflow.dto';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly access: AccessService,
  ) {}

  @Get(':key')
  @ApiQuery({ name: 'version', required: false, type: Number })
  get(@Param('key') key: string, @Query('version', new ParseIntPipe({ optional: true })) version?: number) {
    return this.workflows.get(key, version);
  }

  @Get(':key/versions')
  async listVersions(@Param('key') key: string, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.workflows.listVersions(key);
  }

  @Post(':key/versions')
  async createVersion(@Param('key', KeyPipe) key: string, @Body() body: WorkflowVersionDto, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.workflows.createVersion(key, body.stages, actor);
  }
}
