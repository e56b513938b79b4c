import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PositionsService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { ReplacePositionsDto } from './positions.dto';
import { UserView } from './user-view.dto';

/** The positions (chức vụ) people hold per unit, which decide who signs an adopted document. */
@ApiTags('users')
@ApiBearerAuth()
@AdminOnly()
@Controller('users')
export class UserPositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Put(':username/positions')
  @BodyLimit('32kb')
  @ApiOperation({ summary: 'Replaces a user’s positions (one per unit); audited with the lists before and after' })
  @ApiOkResponse({ type: UserView })
  @ApiBadRequestResponse({ description: 'A unit code unknown, or one unit given twice' })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'The unit has a Bí thư already: the message names them' })
  replace(@Param('username') username: string, @Body() body: ReplacePositionsDto, @CurrentActor() actor: Actor) {
    return this.positions.replace(username, body.positions, actor);
  }
}
