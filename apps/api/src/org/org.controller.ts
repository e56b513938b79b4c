import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, OrgService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { UUID } from '../common/uuid-param';
import { OrgImportDto } from './org-import.dto';

@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @AdminOnly()
  @Post('org/import')
  // Tens of thousands of units and users in one request; larger organisations come in several.
  @BodyLimit('8mb')
  async import(@Body() body: OrgImportDto, @CurrentActor() actor: Actor) {
    return this.org.import(body, actor);
  }

  @Get('org-units')
  async list() {
    const units = await this.org.listUnits();
    return units.map(({ id, code, name, kind, parentId }) => ({ id, code, name, kind, parentId }));
  }

  @Get('org-units/:id')
  async get(@Param('id', UUID) id: string) {
    const { id: unitId, code, name, kind, parentId, depth, children } = await this.org.getUnit(id);
    return { id: unitId, code, name, kind, parentId, depth, children };
  }
}
