import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rule the plan's Standing Committee decides the consolidated report by ({type, min?}, as a
 * workflow stage's rule). NULL for a plan that chose none, and for every plan before this column:
 * those decide by majority, as they always did.
 */
export class RootApprovalRule1764900000000 implements MigrationInterface {
  name = 'RootApprovalRule1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans ADD COLUMN root_approval_rule jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans DROP COLUMN root_approval_rule`);
  }
}
