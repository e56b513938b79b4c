import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Decision, Role, StageKind, TaskState } from '@app/domain';

/** One person's turn to act on one report (or, for consolidation, one plan) in one stage. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'report_id', type: 'uuid', nullable: true }) reportId: string | null;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column() stage: string;
  @Column({ type: 'varchar' }) kind: StageKind;
  @Column({ type: 'varchar' }) role: Role;
  /** The unit whose role holders may hold this task. */
  @Column({ name: 'scope_unit_id', type: 'uuid' }) scopeUnitId: string;
  @Column() round: number;
  @Column({ name: 'assignee_id', type: 'uuid' }) assigneeId: string;
  @Column({ type: 'varchar' }) state: TaskState;
  @Column({ type: 'varchar', nullable: true }) decision: Decision | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  /** When the worker applied this task's decision; null while the decision waits in the queue. */
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true }) appliedAt: Date | null;
  @Column({ name: 'delegated_from', type: 'uuid', nullable: true }) delegatedFrom: string | null;
  @Column() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
