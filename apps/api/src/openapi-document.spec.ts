import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from './api.module';
import { apiDocumentOf, setApiPrefix } from './openapi-document';

type Schema = {
  type?: string;
  $ref?: string;
  allOf?: unknown[];
  oneOf?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
};
type Answer = { content?: Record<string, { schema?: Schema }> };

/** Schemas that say nothing of their shape: `{}`, or an object with neither properties nor a value type (how `string | null` slips through as Object). */
function shapeless(schema: Schema | undefined, where: string): string[] {
  if (!schema || Object.keys(schema).length === 0) return [where];
  if (schema.$ref || schema.allOf || schema.oneOf) return [];
  if (schema.type === 'array') return shapeless(schema.items, `${where}[]`);
  if (schema.type !== 'object') return schema.type ? [] : [where];
  if (!schema.properties && !schema.additionalProperties) return [where];
  const nested = typeof schema.additionalProperties === 'object' ? shapeless(schema.additionalProperties as Schema, `${where}{}`) : [];
  return [...nested, ...Object.entries(schema.properties ?? {}).flatMap(([name, property]) => shapeless(property, `${where}.${name}`))];
}

describe('the OpenAPI document (the HTTP contract clients generate their types from)', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(ApiModule, new FastifyAdapter(), { preview: true, bodyParser: false, logger: false, abortOnError: false });
    setApiPrefix(app);
    document = apiDocumentOf(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives every answer with a body (every 2xx but 204) its content and a schema that says its shape', () => {
    const gaps: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses?: Record<string, Answer> }>)) {
        for (const [code, answer] of Object.entries(operation.responses ?? {})) {
          if (!code.startsWith('2') || code === '204') continue;
          const where = `${method.toUpperCase()} ${path} ${code}`;
          const content = Object.entries(answer.content ?? {});
          if (content.length === 0) gaps.push(`${where}: no content`);
          for (const [type, { schema }] of content) gaps.push(...shapeless(schema, `${where} ${type}`));
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('describes every property of every schema (no object without properties or value type)', () => {
    const schemas = Object.entries(document.components?.schemas ?? {}) as [string, Schema][];
    expect(
      schemas.flatMap(([name, schema]) => Object.entries(schema.properties ?? {}).flatMap(([key, property]) => shapeless(property, `${name}.${key}`))),
    ).toEqual([]);
  });
});
