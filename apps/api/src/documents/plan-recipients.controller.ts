import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PlanRecipientsService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { PlanRecipientsDto } from './plan-recipients.dto';

@ApiTags('documents')
@ApiBearerAuth()
@AdminOnly()
@Controller('plans')
export class PlanRecipientsController {
  constructor(private readonly recipients: PlanRecipientsService) {}

  @Put(':id/recipients')
  @BodyLimit('32kb')
  @ApiOperation({ summary: 'Sets the Nơi nhận the plan’s reports carry, per level; audited before and after' })
  @ApiNotFoundResponse({ description: 'No such plan' })
  set(@Param('id', UUID) id: string, @Body() body: PlanRecipientsDto, @CurrentActor() actor: Actor) {
    return this.recipients.set(id, body.recipients, actor);
  }
}
