import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One event of a report's or a plan's audit trail (OpenAPI only). */
export class TrailEventView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The username of who acted, or `system` for the engine' }) actor: string;
  @ApiPropertyOptional({ nullable: true, example: 'Hoàng Văn Bình', description: 'Their full name, as people read the trail; null for the engine' })
  actorName: string | null;
  @ApiProperty() action: string;
  @ApiPropertyOptional({ nullable: true }) fromStage: string | null;
  @ApiPropertyOptional({ nullable: true }) toStage: string | null;
  @ApiPropertyOptional({ nullable: true }) comment: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) taskId: string | null;
}
