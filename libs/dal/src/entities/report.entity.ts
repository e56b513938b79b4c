import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Indicators, SectionMap } from '@app/domain';

@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column() stage: string;
  @Column({ name: 'workflow_version' }) workflowVersion: number;
  /** Counts stage entries: tasks and jobs carry it, so a decision of an earlier visit is ignored. */
  @Column() round: number;
  @Column({ name: 'returned_count' }) returnedCount: number;
  @Column({ name: 'last_return_reason', type: 'text', nullable: true }) lastReturnReason: string | null;
  @Column({ type: 'jsonb' }) sections: SectionMap;
  @Column({ type: 'jsonb' }) indicators: Indicators;
  /** True while the current stage has nobody eligible to act: shown, never silently stuck. */
  @Column() unassigned: boolean;
  /** Due date of the current stage for this report's unit kind; null when the plan sets none. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  /** The stage must be decided again (its approvers or rule changed); cleared by the decision. */
  @Column({ name: 'needs_decision' }) needsDecision: boolean;
  @Column({ name: 'stage_entered_at', type: 'timestamptz' }) stageEnteredAt: Date;
  @Column() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
