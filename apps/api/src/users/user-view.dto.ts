import { ApiProperty } from '@nestjs/swagger';
import { Position, POSITIONS, ROLES, Role } from '@app/domain';

export class UserRoleView {
  @ApiProperty({ nullable: true, type: String, description: 'Null for the global admin role' }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class UserPositionView {
  @ApiProperty() unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: POSITIONS }) position: Position;
}

/** A user as GET /api/users/:username shows them. */
export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'False once deactivated: the user cannot sign in' }) active: boolean;
  @ApiProperty({ type: [UserRoleView] }) roles: UserRoleView[];
  @ApiProperty({ type: [UserPositionView], description: 'Positions (chức vụ) held, one per unit' }) positions: UserPositionView[];
}
