import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { configureApp } from './configure-app';

/**
 * Every API instance is made here, the deployed one (main.ts) and the tests' alike, so they cannot
 * drift: Nest's own body parsers off (JSON is read by JsonBodyInterceptor, after the auth guard,
 * within each route's limit; nothing else is parsed), then configureApp.
 */
export async function createApiApp<A extends INestApplication>(
  create: (options: NestApplicationOptions) => A | Promise<A>,
  options: NestApplicationOptions = {},
): Promise<A> {
  const app = await create({ ...options, bodyParser: false });
  configureApp(app);
  return app;
}
