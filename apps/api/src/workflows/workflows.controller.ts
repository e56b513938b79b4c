import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, WorkflowsService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { KeyPipe } from '../common/key-param';
import { PositiveInt, PositiveIntPipe } from '../common/positive-int-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { WorkflowVersionDto } from './workflow.dto';
import { WorkflowVersionView, WorkflowView } from './workflow-view.dto';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get(':key')
  @ApiOkResponse({ type: WorkflowView, description: 'The latest version, or the one `version` names' })
  @ApiQuery({ name: 'version', required: false, type: Number, description: 'A version number, 1 to 2147483647; the latest when absent' })
  get(@Param('key') key: string, @Query('version', new PositiveIntPipe('version', { optional: true })) version?: PositiveInt) {
    return this.workflows.get(key, version);
  }

  @AdminOnly()
  @Get(':key/versions')
  @ApiOkResponse({ type: [WorkflowVersionView], description: 'Newest first' })
  async listVersions(@Param('key') key: string) {
    return this.workflows.listVersions(key);
  }

  @AdminOnly()
  // Up to 50 stages, each with its name and rule.
  @Post(':key/versions')
  @ApiCreatedResponse({ type: WorkflowVersionView, description: 'The version stored' })
  @BodyLimit('128kb')
  async createVersion(@Param('key', KeyPipe) key: string, @Body() body: WorkflowVersionDto, @CurrentActor() actor: Actor) {
    return this.workflows.createVersion(key, body.stages, actor);
  }
}
