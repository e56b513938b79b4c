import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Indicators, SectionMap } from '@app/domain';

/** The content exactly as submitted, so reviewers see what was approved. */
@Entity('report_snapshots')
export class ReportSnapshotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'report_id', type: 'uuid' }) reportId: string;
  @Column() seq: number;
  @Column() round: number;
  @Column({ type: 'jsonb' }) sections: SectionMap;
  @Column({ type: 'jsonb' }) indicators: Indicators;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
}
