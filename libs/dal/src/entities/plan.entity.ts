import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ApprovalRule, OutlineSection, PlanDeadlines, PlanRecipients, ReminderSettings, rootApprovalRuleOf, UnitKind } from '@app/domain';

export type PlanStatus = 'draft' | 'launching' | 'launched' | 'completed';

export interface BasisDocument {
  code: string;
  issuedOn?: string;
  issuer?: string;
  title?: string;
}

@Entity('plans')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() title: string;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column() term: string;
  @Column({ type: 'jsonb' }) basis: BasisDocument[];
  @Column({ name: 'root_unit_id', type: 'uuid' }) rootUnitId: string;
  @Column({ name: 'workflow_key' }) workflowKey: string;
  @Column({ name: 'workflow_version' }) workflowVersion: number;
  @Column({ type: 'jsonb' }) outline: OutlineSection[];
  @Column({ name: 'indicator_names', type: 'jsonb' }) indicatorNames: string[];
  @Column({ type: 'jsonb' }) deadlines: PlanDeadlines;
  @Column({ type: 'jsonb' }) reminders: ReminderSettings;
  /** Unit kinds whose units consolidate the reports below them; the root always does. */
  @Column({ name: 'consolidate_at', type: 'jsonb' }) consolidateAt: UnitKind[];
  /**
   * The rule of the Standing Committee's approval, read as the effective one: NULL (no rule chosen)
   * reads as majority. Written as given, so a plan created without one keeps NULL.
   */
  @Column({ name: 'root_approval_rule', type: 'jsonb', nullable: true, transformer: { to: (rule?: ApprovalRule | null) => rule, from: rootApprovalRuleOf } })
  rootApproval: ApprovalRule;
  /** The plan's own Nơi nhận per level; null (the default) for each level's usual ones. */
  @Column({ type: 'jsonb', nullable: true }) recipients: PlanRecipients | null;
  @Column({ type: 'varchar' }) status: PlanStatus;
  @Column({ name: 'consolidation_round' }) consolidationRound: number;
  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true }) launchedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
