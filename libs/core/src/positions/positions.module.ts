import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { PositionsService } from './positions.service';
import { UnitPlaces } from './unit-places.service';

/** Who holds which position where, and where each unit issues its documents: what a signed document needs. */
@Module({
  imports: [OrgModule],
  providers: [PositionsService, UnitPlaces],
  exports: [PositionsService, UnitPlaces],
})
export class PositionsModule {}
