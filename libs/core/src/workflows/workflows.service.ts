import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WorkflowDefinitionEntity } from '@app/dal';
import { DEFAULT_WORKFLOW, notFound, WorkflowDefinition } from '@app/domain';

/** Workflow definitions: immutable versions; the built-in `tongket` is stored as version 1. */
@Injectable()
export class WorkflowsService implements OnModuleInit {
  /** Versions never change once written, so a cache of them is always right. */
  private readonly cache = new Map<string, WorkflowDefinition>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.db.query(
      `INSERT INTO workflow_definitions (key, version, stages) VALUES ($1, $2, $3) ON CONFLICT (key, version) DO NOTHING`,
      [DEFAULT_WORKFLOW.key, DEFAULT_WORKFLOW.version, JSON.stringify(DEFAULT_WORKFLOW.stages)],
    );
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
}
