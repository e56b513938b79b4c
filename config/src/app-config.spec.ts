import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('takes an optional setting written empty (as the example env file has them) as unset', () => {
    const config = loadConfig({ METRICS_TOKEN: '', SMTP_USER: '', SMTP_PASSWORD: ' ', BOOTSTRAP_ADMIN_PASSWORD: '', WEB_DIST_DIR: '' });
    expect(config).toMatchObject({
      METRICS_TOKEN: undefined,
      SMTP_USER: undefined,
      SMTP_PASSWORD: undefined,
      BOOTSTRAP_ADMIN_PASSWORD: undefined,
      WEB_DIST_DIR: undefined,
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'too-short' })).toThrow(/METRICS_TOKEN/);
  });

  it('reads the whole example env file of the containers as a valid production configuration', () => {
    const text = readFileSync(join(__dirname, '..', 'docker', 'env.example'), 'utf8');
    const env = Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    // The operator fills in the one setting the file leaves empty on purpose.
    expect(() => loadConfig({ ...env, JWT_SECRET: 'a6Jq9vT2xLp0Rk8mWc4Zs7Hb1Nd5Yf3Ge' })).not.toThrow();
  });
});

describe('JWT_SECRET', () => {
  const strong = 'k7Qw9-zR2mXv4LpA8sT1nB6yE3uJ0cHf';

  it('has no value written in the code: unset outside production, the engine generates one per installation', () => {
    expect(loadConfig({}).JWT_SECRET).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test' }).JWT_SECRET).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).JWT_SECRET).toBeUndefined();
  });

  it('stops a production start without one, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET=\(hidden\): JWT_SECRET must be set in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '' })).toThrow(/JWT_SECRET.*must be set in production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong }).JWT_SECRET).toBe(strong);
  });

  it('refuses short, published or repetitive secrets in any environment', () => {
    for (const env of ['production', 'development']) {
      expect(() => loadConfig({ NODE_ENV: env, JWT_SECRET: strong.slice(0, 31) })).toThrow(/JWT_SECRET.*at least 32 characters/);
      expect(() => loadConfig({ NODE_ENV: env, JWT_SECRET: 'tong-ket-development-secret-change-me' })).toThrow(/JWT_SECRET.*published example/);
      expect(() => loadConfig({ NODE_ENV: env, JWT_SECRET: 'please-change-me-before-going-live' })).toThrow(/JWT_SECRET.*published example/);
      expect(() => loadConfig({ NODE_ENV: env, JWT_SECRET: 'a'.repeat(64) })).toThrow(/JWT_SECRET.*too few distinct/);
      expect(() => loadConfig({ NODE_ENV: env, JWT_SECRET: '12'.repeat(20) })).toThrow(/JWT_SECRET.*too few distinct/);
    }
  });

  it('never repeats the refused secret (or any password) in the error', () => {
    const weak = 'tong-ket-development-secret-change-me';
    expect(() => loadConfig({ JWT_SECRET: weak })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(weak) }));
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_PASSWORD: 'ngan' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('ngan') }));
  });
});

describe('TRUST_PROXY', () => {
  const { parseTrustProxy } = jest.requireActual('./trust-proxy');

  it('is off by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe('false');
    expect(parseTrustProxy(loadConfig({}).TRUST_PROXY)).toBe(false);
  });

  it('reads true, false, a hop count or the proxies’ addresses and subnets', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('FALSE')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.7 ,fd00::/8,::1')).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);
    for (const good of ['true', '1', 'loopback, uniquelocal', '172.16.0.0/12']) expect(loadConfig({ TRUST_PROXY: good }).TRUST_PROXY).toBe(good);
  });

  it('stops start-up on anything else, naming the variable and the bad entry', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(
      /TRUST_PROXY="yes": TRUST_PROXY must be true, false, a hop count or comma-separated addresses\/subnets; not "yes"/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY.*"10.0.0.0\/33"/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '127.0.0.1,' })).toThrow(/TRUST_PROXY.*not ""/);
    expect(() => loadConfig({ TRUST_PROXY: '' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/TRUST_PROXY.*at most 32/);
  });
});

describe('LOGIN_MAX_FAILURES_PER_ADDRESS', () => {
  it('defaults to 30 per lock period and must be a positive number', () => {
    expect(loadConfig({}).LOGIN_MAX_FAILURES_PER_ADDRESS).toBe(30);
    expect(loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: '100' }).LOGIN_MAX_FAILURES_PER_ADDRESS).toBe(100);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: '0' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: 'many' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
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
      expect(() => loadConfig({ DIGEST_CRON: bad })).toThrow(
        new RegExp(`DIGEST_CRON=${JSON.stringify(bad).replace(/[*]/g, '\\*')}: DIGEST_CRON is not a valid cron pattern`),
      );
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

describe('PUBLIC_URL', () => {
  it('is the local web app by default', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('takes an http(s) address with an optional path, and refuses anything else, naming the variable', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://tongket.dcs.vn/ung-dung/' }).PUBLIC_URL).toBe('https://tongket.dcs.vn/ung-dung/');
    for (const bad of ['tongket.dcs.vn', 'ftp://tongket.dcs.vn', 'https://tongket.dcs.vn/?a=1', 'https://user@tongket.dcs.vn', 'https://tong ket.vn']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL=.*must be an http\(s\) address/);
    }
  });
});
