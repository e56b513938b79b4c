import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UnitKind } from '@app/domain';

@Entity('org_units')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ type: 'varchar' }) kind: UnitKind;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  /** Root first, the unit itself last: access checks and subtree queries use it. */
  @Column({ name: 'ancestor_ids', type: 'uuid', array: true }) ancestorIds: string[];
  @Column() depth: number;
  /** Where the unit's documents are issued ("Hà Nội, ngày …"). */
  @Column() place: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
