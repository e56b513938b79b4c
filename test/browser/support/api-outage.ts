import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { E2eContext } from '../../support/harness';

/**
 * The engine's HTTP server stopped as when its process is down (every connection closed, the port
 * refusing), then listening again on the same port: the browser's requests get no answer at all in
 * between, as a drafter sees when the server or the network goes away.
 */
export async function stopListening(ctx: E2eContext): Promise<number> {
  const server = ctx.api.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  return port;
}

export async function listenAgain(ctx: E2eContext, port: number): Promise<void> {
  const server = ctx.api.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
