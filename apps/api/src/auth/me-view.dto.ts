import { ApiProperty } from '@nestjs/swagger';
import { UserPositionView, UserRoleView } from '../users/user-view.dto';

/** The signed-in person, as `GET /api/me` and a login answer them (OpenAPI only). */
export class MeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: [UserRoleView], description: 'By unit code, then role' }) roles: UserRoleView[];
  @ApiProperty({ type: [UserPositionView], description: 'Positions (chức vụ) held, one per unit' }) positions: UserPositionView[];
}
