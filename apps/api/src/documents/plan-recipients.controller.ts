import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PlanRecipientsService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { PlanRecipientsAnswerDto, PlanRecipientsDto, PlanRecipientsSetView } from './plan-recipients.dto';

@ApiTags('documents')
@ApiBearerAuth()
@AdminOnly()
@Controller('plans')
export class PlanRecipientsController {
  constructor(private readonly recipients: PlanRecipientsService) {}

  @Get(':id/recipients')
  @ApiOperation({ summary: 'The Nơi nhận the plan sets per level, and what each level’s reports print (shown on one of its units)' })
  @ApiOkResponse({ type: PlanRecipientsAnswerDto })
  @ApiNotFoundResponse({ description: 'No such plan' })
  get(@Param('id', UUID) id: string): Promise<PlanRecipientsAnswerDto> {
    return this.recipients.get(id);
  }

  @Put(':id/recipients')
  @BodyLimit('32kb')
  @ApiOperation({ summary: 'Sets the Nơi nhận the plan’s reports carry, per level; audited before and after' })
  @ApiOkResponse({ type: PlanRecipientsSetView, description: 'The plan’s own lines as stored (trimmed)' })
  @ApiBadRequestResponse({ description: 'Not lists of single lines by unit kind: the message names the bad field' })
  @ApiNotFoundResponse({ description: 'No such plan' })
  set(@Param('id', UUID) id: string, @Body() body: PlanRecipientsDto, @CurrentActor() actor: Actor) {
    return this.recipients.set(id, body.recipients, actor);
  }
}
