import { ApiProperty } from '@nestjs/swagger';

const KINDS = ['reminder', 'escalation', 'digest', 'consolidation', 'task', 'return', 'adoption', 'delegation', 'nudge'];

/** A notice in the inbox, as `GET /api/me/notifications` answers it (OpenAPI only). */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: KINDS,
    description:
      'reminder, escalation, digest, consolidation (a collection closed); task (a new task), return (a report returned, quoting the reason), ' +
      'adoption (a report adopted, thông qua), delegation (a task handed to the reader), nudge (đôn đốc: the committee above asks the reader to finish overdue work)',
  })
  kind: string;
  @ApiProperty({ description: 'Vietnamese; also the subject of its e-mail' }) title: string;
  @ApiProperty({ description: 'Vietnamese; its e-mail adds the link after PUBLIC_URL' }) body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/reports/1b4e28ba-2fa1-41d2-883f-0016d3cca427/draft',
    description: 'The web app’s page that acts on the notice, as a path (the e-mail carries PUBLIC_URL + link); null for notices before this field existed',
  })
  link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}
