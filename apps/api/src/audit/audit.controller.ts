import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditChain, AuditService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { AuditVerificationView } from './audit-verification.dto';
import { AuditQueryDto } from './audit.dto';
import { ConfigurationEventView } from './configuration-event-view.dto';

/** The audit of configuration: who created which workflow version, who migrated or reassigned what, when. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly chain: AuditChain,
  ) {}

  @AdminOnly()
  @Get('configuration')
  @ApiOkResponse({ type: [ConfigurationEventView], description: 'Newest first' })
  async configuration(@Query() query: AuditQueryDto) {
    return this.audit.configuration(query);
  }

  /** Checks the whole hash chain of the audit trail and names the first link that does not hold. */
  @AdminOnly()
  @Get('verify')
  @ApiOperation({ summary: 'Check the audit trail against its hash chain (administrators)' })
  @ApiOkResponse({ type: AuditVerificationView })
  verify(): Promise<AuditVerificationView> {
    return this.chain.verify();
  }
}
