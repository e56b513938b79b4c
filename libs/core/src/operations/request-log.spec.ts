import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { requestForLog } from './request-log';

describe('requestForLog', () => {
  it('keeps the id, method, URL and headers, with every secret redacted', () => {
    const req = Object.assign(new IncomingMessage(new Socket()), {
      id: 'r-1',
      method: 'GET',
      url: '/api/me?access_token=eyJ.abc.def&unread=true',
      headers: { authorization: 'Bearer eyJ.abc.def', cookie: 'sid=1', 'user-agent': 'bench' },
    });
    expect(requestForLog(req)).toEqual({
      id: 'r-1',
      method: 'GET',
      url: '/api/me?access_token=[redacted]&unread=true',
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'user-agent': 'bench' },
      remoteAddress: undefined,
      remotePort: undefined,
    });
    expect(req.headers.authorization).toBe('Bearer eyJ.abc.def');
  });
});
