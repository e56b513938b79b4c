import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, AuditService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { AuditQueryDto } from './audit.dto';

/** The audit of configuration: who created which workflow version, who migrated or reassigned what, when. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @AdminOnly()
  @Get('configuration')
  async configuration(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor) {
    return this.audit.configuration(query);
  }
}
