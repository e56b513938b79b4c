import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import fastify from 'fastify';
import type { Server } from 'node:http';
import request from 'supertest';
import { isEnginePath, securityHeaders, serveWebApp } from './web-app';

const servers = new Map<string, Server>();
afterAll(() => {
  for (const server of servers.values()) server.close();
});

/** The web app on Fastify beside a stand-in for Nest (one route, and a JSON 404 for everything else). */
async function start(root: string): Promise<void> {
  const instance = fastify();
  // As Nest holds it: the functions only need register() and getHttpAdapter().getInstance().
  const app = { register: (plugin: never, options: never) => instance.register(plugin, options), getHttpAdapter: () => ({ getInstance: () => instance }) };
  securityHeaders(app as never);
  instance.get('/api/ping', async () => ({ pong: true }));
  instance.setNotFoundHandler((_request, reply) => void reply.code(404).send({ statusCode: 404, message: 'not found' }));
  await serveWebApp(app as never, root);
  await instance.ready();
  servers.set(root, instance.server);
}

function server(root: string) {
  return request(servers.get(root)!);
}

describe('serving the web app', () => {
  let built: string;
  let missing: string;

  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), 'web-built-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Tổng kết</title>');
    writeFileSync(join(built, 'assets', 'app.js'), 'console.log(1)');
    // As the build writes them: the same script compressed beside it.
    writeFileSync(join(built, 'assets', 'app.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(built, 'assets', 'app.js.gz'), gzipSync('console.log(1)'));
    missing = join(tmpdir(), 'web-missing-does-not-exist');
    await start(built);
    await start(missing);
  });

  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it('answers index.html at / and for any page a browser asks for, with a CSP that keeps everything on the server', async () => {
    for (const path of ['/', '/reports/3f1c', '/admin/workflow']) {
      const res = await server(built).get(path).set('Accept', 'text/html,application/xhtml+xml');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Tổng kết');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(csp).not.toMatch(/https?:/);
    }
  });

  it('serves the built files', async () => {
    const res = await server(built).get('/assets/app.js').set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe('console.log(1)');
  });

  it('sends the compressed copy a browser accepts (brotli first), as a script, varying by Accept-Encoding', async () => {
    const br = await server(built)
      .get('/assets/app.js')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync('console.log(1)').length);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    // superagent undoes the encoding it was sent with: the script as written, from the .br copy.
    expect((br.body as Buffer).toString()).toBe('console.log(1)');
    const gz = await server(built).get('/assets/app.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe('console.log(1)');
  });

  it('lets a browser keep the hashed files for a year and check index.html every time', async () => {
    const asset = await server(built).get('/assets/app.js').set('Accept-Encoding', 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await server(built).get('/').set('Accept', 'text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the engine’s paths and requests that do not ask for HTML to the API', async () => {
    expect((await server(built).get('/api/ping').set('Accept', 'text/html')).body).toEqual({ pong: true });
    for (const path of ['/api/nothing', '/health', '/metrics', '/docs', '/docs-json', '/admin/queues', '/admin/queues/api/queues']) {
      const res = await server(built).get(path).set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.body.statusCode).toBe(404);
    }
    expect((await server(built).get('/unknown').set('Accept', 'application/json')).status).toBe(404);
    expect((await server(built).post('/').set('Accept', 'text/html')).status).toBe(404);
  });

  it('says plainly that the app is not built when dist/web is missing, without getting in the API’s way', async () => {
    for (const [path, accept] of [
      ['/', '*/*'],
      ['/plans', 'text/html'],
    ]) {
      const res = await server(missing).get(path).set('Accept', accept);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toContain('npm run build:web');
    }
    expect((await server(missing).get('/api/ping')).body).toEqual({ pong: true });
    expect((await server(missing).get('/unknown').set('Accept', 'application/json')).status).toBe(404);
  });

  it('knows the engine’s own paths', () => {
    expect(isEnginePath('/api')).toBe(true);
    expect(isEnginePath('/api/tasks')).toBe(true);
    expect(isEnginePath('/docs-json')).toBe(true);
    expect(isEnginePath('/admin/queues/x')).toBe(true);
    expect(isEnginePath('/apiary')).toBe(false);
    expect(isEnginePath('/admin/workflow')).toBe(false);
  });
});
