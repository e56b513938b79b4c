import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DeadlinePreview } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { DeadlinesDto } from './plan.dto';

export class DeadlineProblemView {
  @ApiProperty({ example: 'deadlines.cell.cell_approval' }) field: string;
  @ApiProperty({ enum: ['past', 'order'] }) problem: 'past' | 'order';
  @ApiProperty({ description: 'In Vietnamese, naming the stage and the level' }) message: string;
}

export class DeadlinePreviewView {
  @ApiProperty({ description: 'Open tasks whose due date would change' }) tasksMoved: number;
  @ApiProperty({ description: 'Reminders and escalations still to come that would be queued again for those tasks’ new due dates' })
  remindersRescheduled: number;
  @ApiProperty({
    type: [DeadlineProblemView],
    description: 'What PUT …/deadlines would refuse without `confirmDeadlines: true`; empty when it would accept them',
  })
  deadlineProblems: DeadlineProblemView[];
}

/** A dry run of PUT /api/plans/:id/deadlines, for the deadline editor's preview before saving. */
@ApiTags('plans')
@ApiBearerAuth()
@AdminOnly()
@Controller('plans')
export class DeadlinePreviewController {
  constructor(private readonly previews: DeadlinePreview) {}

  @Post(':id/deadlines/preview')
  @HttpCode(200)
  @BodyLimit('64kb')
  @ApiOperation({
    summary: 'What PUT /api/plans/:id/deadlines with this body would move, without changing anything',
    description:
      'The same recomputation as the edit, rolled back. Deadlines out of order are listed in `deadlineProblems`, not refused; `confirmDeadlines` is ignored.',
  })
  @ApiOkResponse({ type: DeadlinePreviewView })
  @ApiBadRequestResponse({ description: 'Malformed deadlines: an unknown unit kind or stage, or a date-time without an offset (the message names each field)' })
  @ApiNotFoundResponse({ description: 'No such plan' })
  preview(@Param('id', UUID) id: string, @Body() body: DeadlinesDto): Promise<DeadlinePreviewView> {
    return this.previews.preview(id, body.deadlines);
  }
}
