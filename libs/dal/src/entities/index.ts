import { AuditEventEntity } from './audit-event.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { PlanEntity } from './plan.entity';
import { ReportSnapshotEntity } from './report-snapshot.entity';
import { ReportEntity } from './report.entity';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';
import { WorkflowDefinitionEntity } from './workflow-definition.entity';
import { WorkflowMigrationEntity } from './workflow-migration.entity';

export * from './audit-event.entity';
export * from './notification.entity';
export * from './org-unit.entity';
export * from './plan.entity';
export * from './report-snapshot.entity';
export * from './report.entity';
export * from './role-assignment.entity';
export * from './task.entity';
export * from './user.entity';
export * from './workflow-definition.entity';
export * from './workflow-migration.entity';

export const ENTITIES = [
  AuditEventEntity,
  NotificationEntity,
  OrgUnitEntity,
  PlanEntity,
  ReportEntity,
  ReportSnapshotEntity,
  RoleAssignmentEntity,
  TaskEntity,
  UserEntity,
  WorkflowDefinitionEntity,
  WorkflowMigrationEntity,
];
