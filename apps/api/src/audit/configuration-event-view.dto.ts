import { ApiProperty } from '@nestjs/swagger';
import { CONFIGURATION_ACTIONS } from '@app/core';
import { DETAILS } from '../common/openapi-shapes';

/** A change of the engine's configuration, as `GET /api/audit/configuration` lists it (OpenAPI only). */
export class ConfigurationEventView {
  @ApiProperty({ description: 'The event’s number in the audit trail (a 64-bit integer, as a string)', example: '1042' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The username of who acted' }) actor: string;
  @ApiProperty({ enum: CONFIGURATION_ACTIONS }) action: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) planId: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ ...DETAILS, description: 'What changed (before and after, where the action has them)' }) data: Record<string, unknown>;
}
