import fastify, { FastifyReply } from 'fastify';
import request from 'supertest';
import { JSON_MEDIA_TYPE, streamedAnswer } from '../http/raw-answer';
import { sendJsonInParts, TrailingMember } from './json-in-parts';

async function* items(n: number, failAt = -1) {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error('database went away');
    yield { i, text: 'Đảng bộ '.repeat(2_000), at: new Date(Date.UTC(2020, 0, 1)) };
  }
}

const servers: ReturnType<typeof fastify>[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** A server whose one route streams the answer as the API's routes do. */
function serve(send: (reply: FastifyReply) => Promise<void>) {
  const a = fastify();
  servers.push(a);
  a.get('/', (_request, reply) => send(reply));
  return a.ready().then(() => a.server);
}

function app(n: number, head: object, failAt = -1, after: TrailingMember[] = []) {
  return serve((reply) => sendJsonInParts(streamedAnswer(reply, JSON_MEDIA_TYPE), head, 'sections', items(n, failAt), undefined, after));
}

describe('sendJsonInParts', () => {
  it('writes the head and every item as one JSON document, times in +07:00', async () => {
    const res = await request(await app(50, { unitCode: 'DUK', at: new Date(Date.UTC(2025, 11, 31, 17, 30)) })).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.unitCode).toBe('DUK');
    expect(res.body.at).toBe('2026-01-01T00:30:00.000+07:00');
    expect(res.body.sections).toHaveLength(50);
    expect(res.body.sections[49]).toEqual({ i: 49, text: 'Đảng bộ '.repeat(2_000), at: '2020-01-01T07:00:00.000+07:00' });
  });

  it('handles an empty head and no items', async () => {
    expect((await request(await app(0, {})).get('/')).body).toEqual({ sections: [] });
  });

  it('cuts the answer short when reading fails half-way, so it never parses as complete', async () => {
    await expect(request(await app(20, { unitCode: 'DUK' }, 10)).get('/')).rejects.toThrow();
  });
});

describe('sendJsonInParts with members after the array', () => {
  it('writes them after the items, each value from its pieces', async () => {
    const a = await app(2, { unitCode: 'DUK' }, -1, [
      { key: 'indicatorBreakdown', pieces: () => ['{"members_start":[', '{"unitCode":"A","value":3}', ']}'] },
      { key: 'empty', pieces: () => ['{}'] },
    ]);
    const res = await request(a).get('/');
    expect(res.body.sections).toHaveLength(2);
    expect(res.body.indicatorBreakdown).toEqual({ members_start: [{ unitCode: 'A', value: 3 }] });
    expect(res.body.empty).toEqual({});
  });
});
