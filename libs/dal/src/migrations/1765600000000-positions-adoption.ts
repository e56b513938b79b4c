import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Positions, adoption and signing (domain page, "Positions and signing"):
 * - `user_positions`: the position (chức vụ) a person holds in a unit, one per person and unit, and
 *   at most one Bí thư per unit, which the database itself refuses to break;
 * - `org_units.place`: where a unit's documents are issued ("Hà Nội, ngày …");
 * - `document_registers`: each issuing unit's register of numbers, per document type and year;
 * - `adoptions`: when a report was adopted (thông qua), its number, date, place and signer, fixed
 *   once written (a trigger refuses any change but marking it superseded, and any deletion);
 * - `tasks.chosen_signer_id`: the signer an approver of the adopting stage chose;
 * - `plans.recipients`: the plan's own Nơi nhận per level, when it sets them.
 */
export class PositionsAdoption1765600000000 implements MigrationInterface {
  name = 'PositionsAdoption1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_positions (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
        position varchar(16) NOT NULL CHECK (position IN ('bi_thu', 'pho_bi_thu', 'uv_btv', 'cap_uy_vien', 'dang_vien')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, unit_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX user_positions_one_secretary ON user_positions (unit_id) WHERE position = 'bi_thu'`);
    await q.query(`CREATE INDEX user_positions_unit ON user_positions (unit_id, position)`);

    await q.query(`ALTER TABLE org_units ADD COLUMN place varchar(100) NOT NULL DEFAULT 'Hà Nội'`);

    await q.query(`
      CREATE TABLE document_registers (
        issuer_unit_id uuid NOT NULL REFERENCES org_units(id),
        document_type varchar(8) NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1930 AND 9999),
        last_number integer NOT NULL CHECK (last_number > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer_unit_id, document_type, year)
      )`);

    await q.query(`
      CREATE TABLE adoptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        report_id uuid REFERENCES reports(id),
        round integer NOT NULL,
        stage varchar(64) NOT NULL,
        document_type varchar(8) NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        symbol varchar(100) NOT NULL,
        adopted_at timestamptz NOT NULL,
        adopted_on date NOT NULL,
        place varchar(100) NOT NULL,
        signer_id uuid REFERENCES users(id) ON DELETE SET NULL,
        signer_username varchar(100),
        signer_name varchar(200) NOT NULL,
        signer_position varchar(16) CHECK (signer_position IN ('bi_thu', 'pho_bi_thu')),
        signer_how varchar(16) NOT NULL CHECK (signer_how IN ('chosen', 'secretary', 'deputy', 'vacant')),
        superseded_at timestamptz,
        superseded_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, unit_id, round)
      )`);
    await q.query(`CREATE UNIQUE INDEX adoptions_one_current ON adoptions (plan_id, unit_id) WHERE superseded_at IS NULL`);
    await q.query(`CREATE INDEX adoptions_report ON adoptions (report_id) WHERE report_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION adoptions_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'adoptions are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.plan_id, NEW.unit_id, NEW.report_id, NEW.round, NEW.stage, NEW.document_type, NEW.number, NEW.symbol, NEW.adopted_at, NEW.adopted_on,
            NEW.place, NEW.signer_username, NEW.signer_name, NEW.signer_position, NEW.signer_how)
           IS DISTINCT FROM
           (OLD.plan_id, OLD.unit_id, OLD.report_id, OLD.round, OLD.stage, OLD.document_type, OLD.number, OLD.symbol, OLD.adopted_at, OLD.adopted_on,
            OLD.place, OLD.signer_username, OLD.signer_name, OLD.signer_position, OLD.signer_how)
           OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at) THEN
          RAISE EXCEPTION 'an adoption''s number, date, place and signer never change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER adoptions_fixed BEFORE UPDATE OR DELETE ON adoptions FOR EACH ROW EXECUTE FUNCTION adoptions_fixed()`);

    await q.query(`ALTER TABLE tasks ADD COLUMN chosen_signer_id uuid REFERENCES users(id)`);
    await q.query(`ALTER TABLE plans ADD COLUMN recipients jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans DROP COLUMN recipients`);
    await q.query(`ALTER TABLE tasks DROP COLUMN chosen_signer_id`);
    await q.query(`DROP TABLE adoptions`);
    await q.query(`DROP FUNCTION adoptions_fixed()`);
    await q.query(`DROP TABLE document_registers`);
    await q.query(`ALTER TABLE org_units DROP COLUMN place`);
    await q.query(`DROP TABLE user_positions`);
  }
}
