import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { OrgService } from './org.service';

@Module({ providers: [OrgService, AccessService], exports: [OrgService, AccessService] })
export class OrgModule {}
