import { clientNamingStatements, StatementNames } from './named-statements';

describe('StatementNames', () => {
  it('names a text with parameters from its second use on, always with the same name', () => {
    const names = new StatementNames();
    const text = 'SELECT id FROM reports WHERE id = $1';
    expect(names.nameOf(text, 1)).toBeUndefined();
    const name = names.nameOf(text, 1);
    expect(name).toMatch(/^tk_[0-9a-f]{24}$/);
    expect(names.nameOf(text, 1)).toBe(name);
    // Another process names it alike.
    const other = new StatementNames();
    other.nameOf(text, 1);
    expect(other.nameOf(text, 1)).toBe(name);
  });

  it('never names a text without parameters, nor one with more than 32 (bulk writes, lists of ids)', () => {
    const names = new StatementNames();
    for (let i = 0; i < 3; i++) {
      expect(names.nameOf('COMMIT', 0)).toBeUndefined();
      expect(names.nameOf('INSERT INTO t VALUES ($1), … ($33)', 33)).toBeUndefined();
    }
    expect(names.size).toBe(0);
  });

  it('never names a text whose star stands for columns: a migration adding one must not break a running process', () => {
    const names = new StatementNames();
    for (let i = 0; i < 3; i++) {
      expect(names.nameOf('SELECT * FROM reports WHERE id = $1', 1)).toBeUndefined();
      expect(names.nameOf('SELECT r.*, u.name FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1', 1)).toBeUndefined();
      expect(names.nameOf('SELECT id,* FROM reports WHERE id = $1', 1)).toBeUndefined();
      expect(names.nameOf('SELECT DISTINCT ON (plan_id) * FROM reports WHERE id = $1', 1)).toBeUndefined();
      expect(names.nameOf('UPDATE reports SET round = round + 1 WHERE id = $1 RETURNING *', 1)).toBeUndefined();
    }
    expect(names.size).toBe(0);
    // A count or a product names no columns.
    names.nameOf('SELECT count(*)::int AS n FROM reports WHERE plan_id = $1', 1);
    expect(names.nameOf('SELECT count(*)::int AS n FROM reports WHERE plan_id = $1', 1)).toBeDefined();
    names.nameOf('SELECT $1::int * 2 AS twice', 1);
    expect(names.nameOf('SELECT $1::int * 2 AS twice', 1)).toBeDefined();
  });

  it('names at most 400 texts in a process: the rest go unnamed, as before', () => {
    const names = new StatementNames();
    for (let i = 0; i < 450; i++) {
      names.nameOf(`SELECT ${i} WHERE $1`, 1);
      names.nameOf(`SELECT ${i} WHERE $1`, 1);
    }
    expect(names.size).toBe(400);
    expect(names.nameOf('SELECT 449 WHERE $1', 1)).toBeUndefined();
    expect(names.nameOf('SELECT 0 WHERE $1', 1)).toBeDefined();
  });
});

describe('clientNamingStatements', () => {
  class FakeClient {
    readonly sent: unknown[][] = [];
    query(config: unknown, ...rest: unknown[]): unknown {
      this.sent.push([config, ...rest]);
      return 'result';
    }
  }

  it('sends a repeated statement with parameters as a named one, and passes anything else through', () => {
    const Naming = clientNamingStatements(FakeClient, new StatementNames());
    const client = new Naming() as unknown as FakeClient;
    const callback = () => undefined;
    client.query('SELECT $1::int', [1]);
    client.query('SELECT $1::int', [2]);
    client.query('SELECT $1::int', [3], callback);
    client.query({ text: 'SELECT $1::int', values: [4] });
    client.query('BEGIN');
    expect(client.sent).toEqual([
      ['SELECT $1::int', [1]],
      [{ name: expect.stringMatching(/^tk_/), text: 'SELECT $1::int', values: [2] }],
      ['SELECT $1::int', [3], callback],
      [{ text: 'SELECT $1::int', values: [4] }],
      ['BEGIN'],
    ]);
  });
});
