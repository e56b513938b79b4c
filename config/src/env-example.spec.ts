import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './app-config';

/** The example environment file an operator starts from names every setting the engine reads. */
describe('config/docker/env.example', () => {
  const text = readFileSync(join(__dirname, '..', 'docker', 'env.example'), 'utf8');
  const named = new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  it('lists every setting of AppConfig', () => {
    const settings = Object.keys(new AppConfig());
    expect(settings.filter((key) => !named.has(key))).toEqual([]);
  });

  it('lists nothing the engine does not read (besides the superuser of db-roles)', () => {
    const settings = new Set([...Object.keys(new AppConfig()), 'PG_SUPERUSER', 'PG_SUPERUSER_PASSWORD']);
    expect([...named].filter((key) => !settings.has(key))).toEqual([]);
  });
});
