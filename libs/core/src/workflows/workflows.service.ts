import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  CreatedWorkflowVersionRow,
  findWorkflowVersionStages,
  insertWorkflowVersion,
  insertWorkflowVersionIfAbsent,
  inTransaction,
  listWorkflowVersions,
  lockWorkflowVersionNumbering,
  nextWorkflowVersionNumber,
  WorkflowDefinitionEntity,
  WorkflowVersionRow,
} from '@app/dal';
import { DEFAULT_WORKFLOW, notFound, refused, StageDefinition, WorkflowDefinition, workflowProblems } from '@app/domain';
import { Actor } from '../common/actor';

/** Workflow definitions: immutable versions; the built-in `tongket` is stored as version 1. */
@Injectable()
export class WorkflowsService implements OnModuleInit {
  /** Versions never change once written, so a cache of them is always right. */
  private readonly cache = new Map<string, WorkflowDefinition>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await insertWorkflowVersionIfAbsent(this.db, DEFAULT_WORKFLOW);
  }

  /** The given version, or the latest when none is given. */
  async get(key: string, version?: number, em: EntityManager = this.db.manager): Promise<WorkflowDefinition> {
    if (version !== undefined) {
      const cached = this.cache.get(`${key}@${version}`);
      if (cached) return cached;
    }
    const row = await em.getRepository(WorkflowDefinitionEntity).findOne({
      where: version === undefined ? { key } : { key, version },
      order: { version: 'DESC' },
    });
    if (!row) throw notFound('Workflow', version === undefined ? key : `${key} version ${version}`);
    const definition: WorkflowDefinition = { key: row.key, version: row.version, stages: row.stages };
    this.cache.set(`${key}@${row.version}`, definition);
    return definition;
  }

  /** Every version of a workflow, newest first, with who created it and when. */
  async listVersions(key: string): Promise<WorkflowVersionRow[]> {
    const rows = await listWorkflowVersions(this.db, key);
    if (rows.length === 0) throw notFound('Workflow', key);
    return rows;
  }

  /** Checks a definition and stores it as the next immutable version; 422 lists every problem. */
  async createVersion(key: string, stages: StageDefinition[], actor: Actor): Promise<CreatedWorkflowVersionRow> {
    const problems = workflowProblems(stages);
    if (problems.length) throw refused(`The workflow definition is unsound: ${problems.length} problem(s)`, { problems });
    return inTransaction(this.db, async (em) => {
      // Versions of one key are numbered one after another, even when two admins save at once.
      await lockWorkflowVersionNumbering(em, key);
      const next = await nextWorkflowVersionNumber(em, key);
      const previous = await findWorkflowVersionStages(em, key, next - 1);
      const row = await insertWorkflowVersion(em, { key, version: next, stages, createdBy: actor.id });
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'workflow.version',
          data: { key, version: next, before: previous ? { version: next - 1, stages: previous.stages } : null, after: { version: next, stages } },
        },
      ]);
      return row;
    });
  }
}
