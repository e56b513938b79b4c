import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import {
  AdoptionModule,
  AuditModule,
  AuthModule,
  ConsolidationModule,
  DocumentsModule,
  InfrastructureModule,
  MigrationsModule,
  NotificationsModule,
  OperationsModule,
  OrgImportsModule,
  OrgModule,
  LevelReportsModule,
  PlansModule,
  PositionsModule,
  ReportsModule,
  FiguresModule,
  PasswordLinksModule,
  TasksModule,
  WorkflowsModule,
  ReviewModule,
} from '@app/core';
import { AdoptionController } from './adoption/adoption.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './common/auth.guard';
import { DocumentsController } from './documents/documents.controller';
import { PlanFiguresController } from './figures/plan-figures.controller';
import { ReportFiguresController } from './figures/report-figures.controller';
import { PlanRecipientsController } from './documents/plan-recipients.controller';
import { HealthController } from './health/health.controller';
import { LevelReportsController } from './level-reports/level-reports.controller';
import { MigrationsController } from './migrations/migrations.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { MetricsController } from './operations/metrics.controller';
import { AdminPageSessionsController } from './operations/admin-page-sessions.controller';
import { OrgController } from './org/org.controller';
import { OrgWorkbookController } from './org/org-workbook.controller';
import { SetPasswordController } from './password-links/set-password.controller';
import { UnitPlaceController } from './org/unit-place.controller';
import { PlansController } from './plans/plans.controller';
import { DeadlinePreviewController } from './plans/deadline-preview.controller';
import { ReportsController } from './reports/reports.controller';
import { ReviewController } from './review/review.controller';
import { TasksController } from './tasks/tasks.controller';
import { TaskDelegatesController } from './tasks/task-delegates.controller';
import { UserAccountsController } from './users/user-accounts.controller';
import { UserPositionsController } from './users/user-positions.controller';
import { UsersController } from './users/users.controller';
import { WorkflowsController } from './workflows/workflows.controller';

/** The HTTP API: controllers validate and delegate to the capability modules of libs/core. */
@Module({
  imports: [
    FiguresModule,
    InfrastructureModule,
    TerminusModule,
    AuthModule,
    OrgModule,
    WorkflowsModule,
    PlansModule,
    ReportsModule,
    TasksModule,
    ConsolidationModule,
    NotificationsModule,
    MigrationsModule,
    AuditModule,
    DocumentsModule,
    OperationsModule,
    OrgImportsModule,
    LevelReportsModule,
    PositionsModule,
    AdoptionModule,
    PasswordLinksModule,
    ReviewModule,
  ],
  controllers: [
    ReportFiguresController,
    PlanFiguresController,
    AuthController,
    HealthController,
    OrgController,
    WorkflowsController,
    PlansController,
    ReportsController,
    TasksController,
    NotificationsController,
    UsersController,
    UserAccountsController,
    MigrationsController,
    AuditController,
    DocumentsController,
    MetricsController,
    AdminPageSessionsController,
    LevelReportsController,
    UserPositionsController,
    UnitPlaceController,
    AdoptionController,
    PlanRecipientsController,
    SetPasswordController,
    OrgWorkbookController,
    TaskDelegatesController,
    DeadlinePreviewController,
    ReviewController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class ApiModule {
  /** The API alone, or with the worker's processors in the same process for small set-ups. */
  static withWorker(workerModule: DynamicModule | (new () => unknown)): DynamicModule {
    return { module: ApiModule, imports: [workerModule as never] };
  }
}
