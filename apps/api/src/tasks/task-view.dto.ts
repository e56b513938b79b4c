import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, STAGE_KINDS, TASK_STATES, UNIT_KINDS } from '@app/domain';

/** A task as `GET /api/tasks` and `GET /api/tasks/:id` answer it (OpenAPI only). */
export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for plan-level work (the working group’s, the Standing Committee’s)' })
  reportId: string | null;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: UNIT_KINDS }) unitKind: string;
  @ApiProperty() stage: string;
  @ApiProperty({ enum: STAGE_KINDS }) kind: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ enum: TASK_STATES }) state: string;
  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'return', 'submit'] }) decision: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The comment given with the decision' }) comment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ format: 'uuid' }) assigneeId: string;
  @ApiProperty({ description: 'The holder’s username' }) assignee: string;
  @ApiProperty() round: number;
  @ApiProperty({ description: 'How many times its report was returned (0 for plan-level work)' }) returnedCount: number;
  @ApiProperty({ type: String, nullable: true, description: 'The latest return’s reason' }) lastReturnReason: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'For a review or adoption of a report: approvals by distinct people in the task’s round; null otherwise',
  })
  roundApprovals: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'For a review or adoption of a report: the round’s tasks not withdrawn; null otherwise' })
  roundSeats: number | null;
}

/** The answer of `POST /api/tasks/:id/complete` (OpenAPI only): the decision is recorded, the worker moves the report. */
export class CompletedTaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
  @ApiProperty() stage: string;
  @ApiProperty({ enum: ['completed'] }) state: string;
  @ApiProperty({ enum: ['approve', 'return'] }) decision: string;
  @ApiProperty({ type: String, nullable: true, description: 'The comment as stored (spaces around it removed); null without one' }) comment: string | null;
  @ApiPropertyOptional({ description: 'The signer named, when one was' }) signer?: string;
}
