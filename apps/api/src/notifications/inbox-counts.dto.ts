import { ApiProperty } from '@nestjs/swagger';

/** `GET /api/me/notifications/unread-count` (OpenAPI only). */
export class UnreadCountView {
  @ApiProperty() unread: number;
}

/** `POST /api/me/notifications/read-all` (OpenAPI only). */
export class ReadAllView {
  @ApiProperty({ description: 'How many notices were marked read' }) updated: number;
}
