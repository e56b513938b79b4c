import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, UnitPlaces } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { UnitPlaceDto } from '../users/positions.dto';
import { UnitPlaceView } from './org-unit-view.dto';

@ApiTags('org')
@ApiBearerAuth()
@AdminOnly()
@Controller('org-units')
export class UnitPlaceController {
  constructor(private readonly places: UnitPlaces) {}

  @Put(':id/place')
  @ApiOkResponse({ type: UnitPlaceView, description: 'The unit’s place as stored' })
  @BodyLimit('4kb')
  @ApiOperation({ summary: 'Sets where the unit issues its documents; audited before and after. Documents adopted already keep their place' })
  @ApiNotFoundResponse({ description: 'No such unit' })
  set(@Param('id', UUID) id: string, @Body() body: UnitPlaceDto, @CurrentActor() actor: Actor) {
    return this.places.set(id, body.place, actor);
  }
}
