import { Module } from '@nestjs/common';
import { AuditChain } from './audit-chain.service';
import { AuditService } from './audit.service';

@Module({ providers: [AuditService, AuditChain], exports: [AuditService, AuditChain] })
export class AuditModule {}
