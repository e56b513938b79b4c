import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, TaskHandover, TasksService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { CompleteTaskDto, DelegateTaskDto, TaskListQueryDto } from './task.dto';
import { CompletedTaskView, TaskView } from './task-view.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly handover: TaskHandover,
  ) {}

  @Get()
  @ApiOkResponse({ type: [TaskView], description: 'The caller’s tasks in that state, soonest due first' })
  list(@Query() query: TaskListQueryDto, @CurrentActor() actor: Actor) {
    return this.tasks.listMine(actor.id, query.state ?? 'open');
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  @ApiForbiddenResponse({ description: 'Someone else’s task (administrators may read any)' })
  @ApiNotFoundResponse({ description: 'No such task' })
  get(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.tasks.get(id, actor.id);
  }

  // A return's reason: up to 10,000 characters.
  @Post(':id/complete')
  @BodyLimit('64kb')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CompletedTaskView, description: 'The decision is recorded; the report’s stage changes shortly after' })
  @ApiForbiddenResponse({ description: 'Someone else’s task' })
  @ApiNotFoundResponse({ description: 'No such task' })
  @ApiConflictResponse({ description: 'The task is not open' })
  @ApiUnprocessableEntityResponse({ description: 'A return without a reason, a second decision of the same person in the round, or a signer who may not sign' })
  complete(@Param('id', UUID) id: string, @Body() body: CompleteTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.complete(id, actor, body.decision, body.comment, body.signer);
  }

  @Post(':id/delegate')
  @ApiOkResponse({ type: TaskView, description: 'The task, now held by the person named' })
  @HttpCode(200)
  delegate(@Param('id', UUID) id: string, @Body() body: DelegateTaskDto, @CurrentActor() actor: Actor) {
    return this.handover.delegate(id, actor, body.username);
  }
}
