import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2eContext, startE2e } from '../support/harness';

const WEB_INDEX = join(__dirname, '..', '..', 'dist', 'web', 'index.html');

/**
 * The real engine (API and worker in this process, own schema and queue prefix, as every e2e file
 * has), on a free port of 127.0.0.1, serving the built web app from dist/web.
 */
export async function startWebEngine(): Promise<{ ctx: E2eContext; origin: string }> {
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run "npm run build:web" first (config/bin/test-browser.sh does)`);
  const ctx = await startE2e();
  const address = ctx.api.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
  return { ctx, origin: `http://127.0.0.1:${address.port}` };
}
