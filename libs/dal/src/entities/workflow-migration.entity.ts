import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MigrationStatus = 'running' | 'completed' | 'failed';

export interface MigrationFailure {
  reportId: string;
  unitCode: string;
  stage: string;
  error: string;
  at: string;
}

/** A batch move of a running plan's reports to another workflow version, resumable. */
@Entity('workflow_migrations')
export class WorkflowMigrationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'workflow_key' }) workflowKey: string;
  @Column({ name: 'to_version' }) toVersion: number;
  @Column({ name: 'stage_map', type: 'jsonb' }) stageMap: Record<string, string>;
  @Column({ type: 'varchar' }) status: MigrationStatus;
  @Column() total: number;
  @Column() migrated: number;
  @Column() untouched: number;
  @Column({ type: 'jsonb' }) unmappable: { reportId: string; unitCode: string; stage: string; reason: string }[];
  /** Reports the run could not move, with the error; the run carries on with the others. */
  @Column({ type: 'jsonb' }) failures: MigrationFailure[];
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
