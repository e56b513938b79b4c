import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A task the launch opened (OpenAPI only). */
export class LaunchedTaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The holder’s username' }) assignee: string;
  @ApiProperty() kind: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
}

/** A report the launch created, in its first stage (OpenAPI only). */
export class LaunchedReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() stage: string;
  @ApiProperty() workflowVersion: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ type: [LaunchedTaskView] }) tasks: LaunchedTaskView[];
}

/** `POST /api/plans/:id/launch` (OpenAPI only). */
export class LaunchView {
  @ApiProperty({ enum: ['launched', 'launching'], description: '`launched` once the worker created the reports; `launching` if it had not within the wait' })
  status: 'launched' | 'launching';
  @ApiProperty({ type: [LaunchedReportView], description: 'Empty while launching' }) reports: LaunchedReportView[];
  @ApiPropertyOptional({ description: 'While launching: where to follow the launch' }) message?: string;
}
