import { HttpException } from '@nestjs/common';
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJsonBody } from './read-json-body';

/** A real HTTP server whose only handler is readJsonBody: the answer is the parsed body, or the refusal's status. */
describe('readJsonBody', () => {
  let server: Server;
  let port: number;
  const LIMIT = 1024;

  beforeAll(async () => {
    server = createServer((req, res) => {
      readJsonBody(req, res, LIMIT).then(
        (body) => res.end(JSON.stringify({ status: 200, body: body ?? null })),
        (error: HttpException) => {
          res.statusCode = error.getStatus();
          res.end(JSON.stringify({ status: error.getStatus(), message: error.message }));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function send(
    body: string | Buffer | null,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<{ status: number; message?: string; body?: unknown }> {
    return new Promise((resolve, reject) => {
      const req = request(
        { port, method: 'POST', path: '/', headers: body === null ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(JSON.parse(text)));
        },
      );
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  }

  it('parses a JSON object in UTF-8, Vietnamese kept exactly, a BOM dropped', async () => {
    expect(await send('{"title":"Kế hoạch tổng kết"}')).toEqual({ status: 200, body: { title: 'Kế hoạch tổng kết' } });
    expect(await send('\ufeff{"a":1}', { 'content-type': 'application/json; charset=UTF-8' })).toEqual({ status: 200, body: { a: 1 } });
  });

  it('reads no body as undefined and a blank one as {}', async () => {
    expect(await send(null, {})).toEqual({ status: 200, body: null });
    expect(await send('  ')).toEqual({ status: 200, body: {} });
  });

  it('answers 415 for any other content type, charset or a compressed body', async () => {
    expect((await send('username=a&password=mat-khau-bi-mat', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send('{"a":1}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send('{"a":1}', {})).status).toBe(415);
    expect((await send('{"a":1}', { 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
    expect((await send('{"a":1}', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(415);
  });

  it('answers 413 beyond the limit, declared or streamed', async () => {
    expect((await send(JSON.stringify({ a: 'x'.repeat(LIMIT) }))).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request({ port, method: 'POST', path: '/', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"a":"');
      req.write('x'.repeat(LIMIT));
      req.end('"}');
    });
    expect(streamed).toBe(413);
  });

  it('answers 400 for broken JSON, bare scalars, bad UTF-8 and NUL, never quoting the body', async () => {
    const broken = await send('{"username":"a","password":"mat-khau-bi-mat"');
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken)).not.toContain('mat-khau');
    const mislabelled = await send('username=a&password=mat-khau-bi-mat');
    expect(mislabelled.status).toBe(400);
    expect(JSON.stringify(mislabelled)).not.toContain('mat-khau');
    expect((await send('42')).status).toBe(400);
    expect((await send(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]))).status).toBe(400);
    expect((await send('{"a":"x\\u0000y"}')).status).toBe(400);
    expect((await send('['.repeat(100) + ']'.repeat(100))).status).toBe(400);
  });
});
