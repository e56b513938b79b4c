import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '../api.module';
import { apiDocumentOf, setApiPrefix } from '../openapi-document';

/**
 * Writes the OpenAPI document to the path given (config/bin/contract.sh runs it). Preview mode
 * builds the module graph without instantiating a provider: no database, no Redis, a few seconds.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('Usage: write-openapi <file.json>');
  const app = await NestFactory.create(ApiModule, new FastifyAdapter(), { preview: true, bodyParser: false, logger: false, abortOnError: false });
  setApiPrefix(app);
  writeFileSync(target, `${JSON.stringify(apiDocumentOf(app), null, 2)}\n`);
  await app.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
