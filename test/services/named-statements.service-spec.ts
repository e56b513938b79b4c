import { pgClient } from '../support/pg';
import { Services, startServices, stopServices } from './support/services';

/**
 * The engine's connections send repeated statements as named prepared statements (PG_NAMED_STATEMENTS,
 * on by default): PostgreSQL holds them per connection, and a running process survives a migration
 * that adds a column.
 */
describe('named prepared statements on the engine’s connections', () => {
  let services: Services;

  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => stopServices(services));

  /** Runs `work` on one pooled connection and answers the statements PostgreSQL holds prepared on it. */
  async function onOneConnection(work: (query: (sql: string, values?: unknown[]) => Promise<unknown>) => Promise<void>) {
    const runner = services.db.createQueryRunner();
    await runner.connect();
    try {
      await work((sql, values) => runner.query(sql, values));
      return (await runner.query(`SELECT name, statement FROM pg_prepared_statements ORDER BY statement`)) as { name: string; statement: string }[];
    } finally {
      await runner.release();
    }
  }

  it('prepares a statement with parameters on its second use, once, and runs it with each call’s values', async () => {
    const text = 'SELECT $1::int + 1 AS next';
    const answers: unknown[] = [];
    const held = await onOneConnection(async (query) => {
      for (const n of [1, 2, 3]) answers.push(await query(text, [n]));
    });
    expect(answers).toEqual([[{ next: 2 }], [{ next: 3 }], [{ next: 4 }]]);
    expect(held.filter((s) => s.statement === text)).toEqual([{ name: expect.stringMatching(/^tk_[0-9a-f]{24}$/), statement: text }]);
  });

  it('keeps working when a table it reads gains a column (a migration while the process runs)', async () => {
    const listed = 'SELECT id, stage FROM reports WHERE id = $1';
    const starred = 'SELECT * FROM reports WHERE id = $1';
    const none = '00000000-0000-4000-8000-000000000000';
    const owner = await pgClient(services.schema.schema);
    try {
      const held = await onOneConnection(async (query) => {
        for (const sql of [listed, listed, starred, starred]) await query(sql, [none]);
        await owner.query('ALTER TABLE reports ADD COLUMN named_statements_probe text');
        // Named, and re-planned by PostgreSQL on its own; the starred one was never named, so never stale.
        expect(await query(listed, [none])).toEqual([]);
        expect(await query(starred, [none])).toEqual([]);
      });
      expect(held.map((s) => s.statement)).toContain(listed);
      expect(held.map((s) => s.statement)).not.toContain(starred);
    } finally {
      await owner.end();
    }
  });
});
