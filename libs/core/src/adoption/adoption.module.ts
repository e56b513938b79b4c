import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { AdoptionRecordsModule } from './adoption-records.module';
import { Adoptions } from './adoptions.service';
import { SignerChoice } from './signer-choice.service';

/** Adoption (thông qua) of reports: number from the issuer's register, date, place and signer, fixed once recorded. */
@Module({
  imports: [WorkflowsModule, OrgModule, AdoptionRecordsModule],
  providers: [SignerChoice, Adoptions],
  exports: [AdoptionRecordsModule, SignerChoice, Adoptions],
})
export class AdoptionModule {}
