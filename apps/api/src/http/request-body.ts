import type { IncomingMessage, ServerResponse } from 'node:http';

/** Whether the request carries a body at all (RFC 9112: a length above zero or a transfer coding). */
export function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * A request refused while its body is still arriving must not hang its client nor cost a parse.
 * Node discards an unread body by itself once the answer is sent and keeps the connection; that
 * holds for a small rest. A large or unknown rest (a client still sending megabytes) is discarded
 * as it comes and the connection closed after the answer, so the client gets its 401/403/413
 * instead of a stalled upload, and the server does not read a body it refused to its end.
 */
export function releaseUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete || !hasBody(req)) return;
  if (!res.headersSent) res.setHeader('Connection', 'close');
  req.removeAllListeners('data');
  req.resume();
}
