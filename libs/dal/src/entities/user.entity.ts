import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() username: string;
  @Column({ name: 'full_name' }) fullName: string;
  @Column() email: string;
  @Column({ name: 'password_hash', select: false }) passwordHash: string;
  /** A deactivated user cannot sign in; deactivating ends their sessions. */
  @Column({ default: true }) active: boolean;
  /** Raised to end every session of the user at once (tokens carry the version they were signed with). */
  @Column({ name: 'token_version', type: 'int', default: 0 }) tokenVersion: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
