import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has defaults for the local services', () => {
    const config = loadConfig({});
    expect(config.PG_HOST).toBe('127.0.0.1');
    expect(config.PG_PORT).toBe(5432);
    expect(config.REDIS_PORT).toBe(6379);
  });

  it('reads numbers from the environment', () => {
    expect(loadConfig({ PG_PORT: '6543' }).PG_PORT).toBe(6543);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PG_PORT: 'abc' })).toThrow(/PG_PORT="?.*"?: /);
    expect(() => loadConfig({ PG_SCHEMA: 'Drop Table' })).toThrow(/PG_SCHEMA/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });
});

describe('nestLogLevels', () => {
  const { nestLogLevels } = jest.requireActual('./log-levels');
  it('keeps the named level and the more severe ones', () => {
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels('debug')).toContain('debug');
    expect(nestLogLevels('silent')).toEqual([]);
  });
});
