import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Reminders, escalations, the digest and a collection's end; and the events that ask something of a person. */
export type NotificationKind = 'reminder' | 'escalation' | 'digest' | 'consolidation' | 'task' | 'return' | 'adoption' | 'delegation' | 'nudge';
export type EmailState = 'pending' | 'sending' | 'sent' | 'failed';

/** One notice to one person: shown in the in-app inbox and sent once by e-mail. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'varchar' }) kind: NotificationKind;
  @Column() title: string;
  @Column() body: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ name: 'report_id', type: 'uuid', nullable: true }) reportId: string | null;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId: string | null;
  @Column({ name: 'dedup_key' }) dedupKey: string;
  /** The web app's page that acts on the notice (a path); its e-mail carries it after PUBLIC_URL. */
  @Column({ type: 'varchar', nullable: true }) link: string | null;
  @Column({ name: 'email_state', type: 'varchar' }) emailState: EmailState;
  @Column({ name: 'email_attempts' }) emailAttempts: number;
  @Column({ name: 'email_claimed_at', type: 'timestamptz', nullable: true }) emailClaimedAt: Date | null;
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true }) emailedAt: Date | null;
  @Column({ name: 'email_error', type: 'text', nullable: true }) emailError: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}
