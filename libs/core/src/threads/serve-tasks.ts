import { parentPort, TransferListItem } from 'node:worker_threads';
import type { ThreadAnswer } from './worker-thread-pool';

/** The thread's side of WorkerThreadPool: runs `handle` for each task it is sent and answers its id. */
export function serveTasks<I, O>(handle: (input: I) => Promise<{ result: O; transfer?: TransferListItem[] }>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread only');
  port.on('message', ({ id, input }: { id: number; input: I }) => {
    handle(input).then(
      ({ result, transfer }) => port.postMessage({ id, result } satisfies ThreadAnswer<O>, transfer ?? []),
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ThreadAnswer<O>),
    );
  });
}
