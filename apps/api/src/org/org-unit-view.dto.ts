import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KINDS, UnitKind } from '@app/domain';

/** A unit of the organisation as `GET /api/org-units` lists it (OpenAPI only). */
export class OrgUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a root' }) parentId: string | null;
  @ApiProperty({ description: 'Where its documents are dated (địa danh); "" when not set' }) place: string;
}

/** One unit with its depth and the ids of its children, as `GET /api/org-units/:id` answers it (OpenAPI only). */
export class OrgUnitDetailView extends OrgUnitView {
  @ApiProperty({ description: '0 for a root' }) depth: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Its children’s ids, by code' }) children: string[];
}

/** `PUT /api/org-units/:id/place` (OpenAPI only). */
export class UnitPlaceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() place: string;
}
