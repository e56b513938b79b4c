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

/** `PUT /api/users/:username/roles`: the user, and what their new roles changed in running stages (OpenAPI only). */
export class RolesReplacedView extends UserView {
  @ApiProperty({ description: 'Tasks opened for the roles gained' }) tasksCreated: number;
  @ApiProperty({ description: 'Stages decided again on the votes left' }) stagesRedecided: number;
}

/** A task the new holder could not take, and why (OpenAPI only). */
export class TaskNotMovedView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty() reason: string;
}

/** `POST /api/users/:username/reassign` (OpenAPI only). */
export class ReassignedView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'How many open tasks moved' }) moved: number;
  @ApiProperty({ type: [String], format: 'uuid' }) movedTaskIds: string[];
  @ApiProperty({ type: [TaskNotMovedView] }) notMoved: TaskNotMovedView[];
}
