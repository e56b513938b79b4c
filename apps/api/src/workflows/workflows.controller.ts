import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { WorkflowsService } from '@app/core';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get(':key')
  @ApiQuery({ name: 'version', required: false, type: Number })
  get(@Param('key') key: string, @Query('version', new ParseIntPipe({ optional: true })) version?: number) {
    return this.workflows.get(key, version);
  }
}
