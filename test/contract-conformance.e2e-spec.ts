import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { login } from './support/api';
import { createPlan, importFixture, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/** The parts of an OpenAPI schema the check reads. */
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
}
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const document = JSON.parse(readFileSync(join(__dirname, '../docs/openapi.json'), 'utf8')) as Document;
const resolved = (schema: Schema): Schema =>
  schema.$ref
    ? document.components.schemas[schema.$ref.split('/').pop()!]
    : schema.allOf
      ? { ...resolved(schema.allOf[0]), nullable: schema.nullable }
      : schema;
const PRIMITIVES: Record<string, string> = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean' };

/** Where an answer departs from its schema: a required field missing, a field not declared, a null not allowed, a wrong type. */
function departures(value: unknown, declared: Schema, where: string): string[] {
  const schema = resolved(declared);
  if (value === null) return schema.nullable || declared.nullable ? [] : [`${where}: null, not nullable`];
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${where}: not an array`];
    return value.slice(0, 5).flatMap((item, i) => departures(item, schema.items!, `${where}[${i}]`));
  }
  if (schema.properties) {
    const object = value as Record<string, unknown>;
    return [
      ...(schema.required ?? []).filter((key) => !(key in object)).map((key) => `${where}.${key}: missing`),
      ...Object.entries(object).flatMap(([key, field]) =>
        schema.properties![key] ? departures(field, schema.properties![key], `${where}.${key}`) : [`${where}.${key}: not declared`],
      ),
    ];
  }
  if (typeof schema.additionalProperties === 'object') {
    const values = Object.entries(value as Record<string, unknown>).slice(0, 5);
    return values.flatMap(([key, field]) => departures(field, schema.additionalProperties as Schema, `${where}{${key}}`));
  }
  const expected = schema.type && PRIMITIVES[schema.type];
  return expected && typeof value !== expected ? [`${where}: ${typeof value}, not ${schema.type}`] : [];
}

/**
 * The answers of the running API against docs/openapi.json, the document the clients' types are
 * generated from: a DTO that says less, more or otherwise than its handler returns fails here.
 */
describe('the API answers as its OpenAPI document says', () => {
  let ctx: E2eContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await login(ctx, 'admin');
  });

  afterAll(async () => {
    await stopE2e(ctx);
  });

  async function answer(method: 'get' | 'post' | 'put', path: string, operation: string, body?: object): Promise<{ body: unknown; departures: string[] }> {
    const res = await ctx.http[method](path).set('Authorization', `Bearer ${admin}`).send(body);
    const content = document.paths[operation][method].responses[String(res.status)]?.content?.['application/json'];
    if (!content) return { body: res.body, departures: [`${method.toUpperCase()} ${path}: ${res.status} is not documented as JSON`] };
    return { body: res.body, departures: departures(res.body, content.schema, `${method.toUpperCase()} ${operation} ${res.status}`) };
  }

  it('for the plans, reports, people, workflows and the level report of a launched plan', async () => {
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    const found: string[] = [];
    const read = async (method: 'get' | 'post' | 'put', path: string, operation: string, body?: object) => {
      const { body: answered, departures } = await answer(method, path, operation, body);
      found.push(...departures);
      return answered;
    };
    const units = (await read('get', '/api/org-units', '/api/org-units')) as { id: string }[];
    const reports = (await read('get', `/api/reports?planId=${plan.id}`, '/api/reports')) as { id: string }[];
    await read('get', '/api/me', '/api/me');
    await read('get', `/api/org-units/${units[0].id}`, '/api/org-units/{id}');
    await read('get', '/api/workflows/tongket', '/api/workflows/{key}');
    await read('get', '/api/workflows/tongket/versions', '/api/workflows/{key}/versions');
    await read('get', '/api/plans', '/api/plans');
    await read('get', `/api/plans/${plan.id}`, '/api/plans/{id}');
    await read('get', `/api/plans/${plan.id}/progress`, '/api/plans/{id}/progress');
    await read('get', `/api/plans/${plan.id}/events`, '/api/plans/{id}/events');
    await read('get', `/api/reports/${reports[0].id}`, '/api/reports/{id}');
    await read('get', `/api/reports/${reports[0].id}/versions`, '/api/reports/{id}/versions');
    await read('get', `/api/reports/${reports[0].id}/events`, '/api/reports/{id}/events');
    await read('get', '/api/users?limit=5', '/api/users');
    await read('get', '/api/users/admin', '/api/users/{username}');
    await read('get', '/api/audit/configuration', '/api/audit/configuration');
    await read('get', '/api/me/notifications/unread-count', '/api/me/notifications/unread-count');
    await read('post', '/api/me/notifications/read-all', '/api/me/notifications/read-all');
    await read('post', `/api/plans/${plan.id}/migrations`, '/api/plans/{id}/migrations', { toVersion: 1, dryRun: true });
    await read('get', `/api/plans/${plan.id}/level-report`, '/api/plans/{id}/level-report');
    await read('get', `/api/plans/${plan.id}/level-report/sources`, '/api/plans/{id}/level-report/sources');
    await read('get', `/api/plans/${plan.id}/level-report/figures?indicator=members_end`, '/api/plans/{id}/level-report/figures');
    await read('get', `/api/plans/${plan.id}/level-report/completeness`, '/api/plans/{id}/level-report/completeness');
    await read('get', `/api/plans/${plan.id}/level-report/versions`, '/api/plans/{id}/level-report/versions');
    await read('put', `/api/plans/${plan.id}/recipients`, '/api/plans/{id}/recipients', { recipients: null });
    await read('get', `/api/plans/${plan.id}/recipients`, '/api/plans/{id}/recipients');
    const next = await createPlan(ctx);
    await read('put', `/api/plans/${next.id}/deadlines`, '/api/plans/{id}/deadlines', { deadlines: next.deadlines, confirmDeadlines: true });
    await read('post', `/api/plans/${next.id}/launch`, '/api/plans/{id}/launch');
    expect(found).toEqual([]);
  });
});
