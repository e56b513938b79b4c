import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DETAILS } from '../common/openapi-shapes';

/** One event of a report's or a plan's audit trail (OpenAPI only). */
export class TrailEventView {
  @ApiPropertyOptional({ description: 'A plan’s events only: the event’s number, to page on with `after`' }) id?: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The username of who acted, or `system` for the engine' }) actor: string;
  @ApiProperty({ type: String, nullable: true, example: 'Hoàng Văn Bình', description: 'Their full name, as people read the trail; null for the engine' })
  actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) fromStage: string | null;
  @ApiProperty({ type: String, nullable: true }) toStage: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId: string | null;
  @ApiPropertyOptional({ ...DETAILS, description: 'A plan’s events only: what the event records' }) data?: Record<string, unknown>;
}
