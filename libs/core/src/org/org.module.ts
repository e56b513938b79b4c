import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { OrgService } from './org.service';

@Module({ providers: [OrgService, AccessService, AdminBootstrap], exports: [OrgService, AccessService] })
export class OrgModule {}
