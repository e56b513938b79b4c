import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, DecisionStates, RemarksService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { DecisionStateView } from './decision-state.dto';
import { NewRemarkDto, RemarkReplyDto, RemarkView } from './remark.dto';

const UNREADABLE = 'The caller holds no role on the report’s unit or above it and is not an administrator';

/** The review side of a report: where its decision stands, and remarks anchored to its items with their threads. */
@ApiTags('review')
@ApiBearerAuth()
@Controller()
export class ReviewController {
  constructor(
    private readonly remarks: RemarksService,
    private readonly decisions: DecisionStates,
  ) {}

  @Get('reports/:id/decision')
  @ApiOperation({ summary: 'Where the decision on the report’s current stage stands: who decided (with their comment), who is awaited, what the rule needs' })
  @ApiOkResponse({ type: DecisionStateView })
  @ApiForbiddenResponse({ description: UNREADABLE })
  @ApiNotFoundResponse({ description: 'No such report' })
  decision(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.decisions.ofReport(id, actor.id);
  }

  @Get('reports/:id/remarks')
  @ApiOperation({ summary: 'The remarks on the report’s items, oldest first, each with its replies; for whoever may read the report' })
  @ApiOkResponse({ type: [RemarkView] })
  @ApiForbiddenResponse({ description: UNREADABLE })
  @ApiNotFoundResponse({ description: 'No such report' })
  list(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.remarks.list(id, actor.id);
  }

  // A remark of 5,000 characters and a quote of 1,000, three bytes each in UTF-8.
  @Post('reports/:id/remarks')
  @BodyLimit('64kb')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'A remark on one item of the report, optionally quoting a passage of it; by whoever holds an open review or adoption task on the report. Audited (`remark_added`)',
  })
  @ApiCreatedResponse({ type: RemarkView })
  @ApiBadRequestResponse({
    description:
      'A blank or too long text, an item not in the report’s outline, or a quote not found in the item’s texts (Vietnamese message naming the field); nothing stored',
  })
  @ApiForbiddenResponse({ description: 'The caller holds no open review or adoption task on the report (Vietnamese message)' })
  @ApiNotFoundResponse({ description: 'No such report' })
  add(@Param('id', UUID) id: string, @Body() body: NewRemarkDto, @CurrentActor() actor: Actor) {
    return this.remarks.add(id, actor, body);
  }

  @Post('remarks/:id/replies')
  @BodyLimit('64kb')
  @HttpCode(201)
  @ApiOperation({
    summary: 'An answer in a remark’s thread: by the report’s drafters, or whoever holds an open review or adoption task on it. Audited (`remark_replied`)',
  })
  @ApiCreatedResponse({ type: RemarkView, description: 'The remark with its whole thread' })
  @ApiBadRequestResponse({ description: 'A blank or too long text; nothing stored' })
  @ApiForbiddenResponse({ description: 'Neither a drafter of the report’s unit nor holding a task on it (Vietnamese message)' })
  @ApiNotFoundResponse({ description: 'No such remark' })
  @ApiConflictResponse({ description: 'The remark is resolved already' })
  reply(@Param('id', UUID) id: string, @Body() body: RemarkReplyDto, @CurrentActor() actor: Actor) {
    return this.remarks.reply(id, actor, body.text);
  }

  @Post('remarks/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks a remark resolved; by the report’s drafters. Audited (`remark_resolved`)' })
  @ApiOkResponse({ type: RemarkView })
  @ApiForbiddenResponse({ description: 'Not a drafter of the report’s unit (Vietnamese message)' })
  @ApiNotFoundResponse({ description: 'No such remark' })
  @ApiConflictResponse({ description: 'The remark is resolved already' })
  resolve(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.remarks.resolve(id, actor);
  }
}
