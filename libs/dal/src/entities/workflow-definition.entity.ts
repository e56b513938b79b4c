import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StageDefinition } from '@app/domain';

/** One immutable version of a workflow. */
@Entity('workflow_definitions')
export class WorkflowDefinitionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() key: string;
  @Column() version: number;
  @Column({ type: 'jsonb' }) stages: StageDefinition[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
