import { Module } from '@nestjs/common';
import { PlanLevelStagesModule } from '../consolidation/plan-level-stages.module';
import { RemindersModule } from '../reminders/reminders.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ApproverSync } from './approver-sync.service';
import { ImportSealKey } from './import-seal-key.service';
import { OrgImportApplier } from './org-import-applier.service';
import { OrgImportRunner } from './org-import-runner.service';
import { OrgImports } from './org-imports.service';
import { OrgWorkbooks } from './org-workbooks.service';

/**
 * Org imports as queued work: OrgImports for the API (check, store, queue, wait, status),
 * OrgImportRunner for the worker (hash, apply), OrgWorkbooks for the Excel workbook (template,
 * export, preview, upload through OrgImports). Apart from OrgModule so the worker gets the import
 * without the API's start-up duties (the first administrator's creation).
 */
@Module({
  imports: [WorkflowsModule, RemindersModule, PlanLevelStagesModule],
  providers: [OrgImports, OrgImportRunner, OrgImportApplier, ImportSealKey, ApproverSync, OrgWorkbooks],
  exports: [OrgImports, OrgImportRunner, OrgWorkbooks],
})
export class OrgImportsModule {}
