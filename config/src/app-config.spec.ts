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

describe('DIGEST_CRON', () => {
  it('accepts 5-field and 6-field (seconds first) patterns within range', () => {
    expect(loadConfig({}).DIGEST_CRON).toBe('30 7 * * *');
    expect(loadConfig({ DIGEST_CRON: '0 30 7 * * 1-5' }).DIGEST_CRON).toBe('0 30 7 * * 1-5');
    expect(loadConfig({ DIGEST_CRON: '*/15 6-18 1,15 * MON-FRI' }).DIGEST_CRON).toBe('*/15 6-18 1,15 * MON-FRI');
  });
  it('stops start-up on values out of range, naming the variable', () => {
    for (const bad of ['99 99 * * *', '30 24 * * *', '30 7 32 * *', '30 7 * 13 *', '30 7 * * 8', '60 30 7 * * *']) {
      expect(() => loadConfig({ DIGEST_CRON: bad })).toThrow(new RegExp(`DIGEST_CRON=${JSON.stringify(bad).replace(/[*]/g, '\\*')}: DIGEST_CRON is not a valid cron pattern`));
    }
  });
  it('stops start-up on the wrong number of fields or on words', () => {
    expect(() => loadConfig({ DIGEST_CRON: '30 7 * *' })).toThrow(/DIGEST_CRON.*must have 5 fields .* not 4/);
    expect(() => loadConfig({ DIGEST_CRON: '0 0 30 7 * * *' })).toThrow(/DIGEST_CRON.*not 7/);
    expect(() => loadConfig({ DIGEST_CRON: 'every morning at 7:30 x' })).toThrow(/DIGEST_CRON/);
    expect(() => loadConfig({ DIGEST_CRON: '' })).toThrow(/DIGEST_CRON/);
  });
});

describe('SMTP_SECURE', () => {
  it('reads true/false/1/0', () => {
    expect(loadConfig({}).SMTP_SECURE).toBe(false);
    expect(loadConfig({ SMTP_SECURE: 'true' }).SMTP_SECURE).toBe(true);
    expect(loadConfig({ SMTP_SECURE: '1' }).SMTP_SECURE).toBe(true);
    expect(loadConfig({ SMTP_SECURE: 'false' }).SMTP_SECURE).toBe(false);
    expect(loadConfig({ SMTP_SECURE: '0' }).SMTP_SECURE).toBe(false);
  });
  it('stops start-up on anything else instead of silently turning TLS off', () => {
    for (const bad of ['yes', 'no', 'on', '', 'tru']) {
      expect(() => loadConfig({ SMTP_SECURE: bad })).toThrow(/SMTP_SECURE=".*": SMTP_SECURE must be true, false, 1 or 0/);
    }
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
