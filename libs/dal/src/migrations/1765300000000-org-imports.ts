import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Org imports become queued work: the API stores the import here (each password sealed with
 * AES-256-GCM, never in clear), a worker hashes the passwords with bounded concurrency, recording
 * its progress, then applies the import in one transaction and records the result or the refusal.
 * The payload is cleared once the import has ended, so sealed passwords do not outlive it.
 */
export class OrgImports1765300000000 implements MigrationInterface {
  name = 'OrgImports1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'hashing', 'applying', 'done', 'failed')),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        actor varchar(100) NOT NULL,
        units_total integer NOT NULL CHECK (units_total >= 0),
        users_total integer NOT NULL CHECK (users_total >= 0),
        progress_done integer NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
        payload jsonb,
        result jsonb,
        error jsonb,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // The reconciler's question: which imports are still to do.
    await q.query(`CREATE INDEX org_imports_pending ON org_imports (updated_at) WHERE status IN ('queued', 'hashing', 'applying')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_imports`);
  }
}
