import { Job, Queue, Worker } from 'bullmq';
import { ENGINE_CONNECTION_PREFIX, EngineInstance } from './engine-instance';

/** How long a worker's entry lasts unless renewed; a running worker renews it at every reconciliation. */
const WORKER_ENTRY_TTL_S = 24 * 60 * 60;

function workerKey(prefix: string | undefined, workerId: string): string {
  return `${prefix ?? 'bull'}:engine-worker:${workerId}`;
}

/**
 * Records which engine instance each of its BullMQ workers belongs to. A job's lock names the
 * worker that holds it (`<worker id>:<n>`); with this entry another process can tell from Redis's
 * client list whether that worker's engine is still connected.
 */
export async function registerWorkers(instance: EngineInstance, workers: Worker[]): Promise<void> {
  if (workers.length === 0) return;
  const pipeline = (await workers[0].getBackend().client).pipeline();
  for (const worker of workers) pipeline.runCommand('set', [workerKey(worker.opts.prefix, worker.id), instance.id, 'EX', WORKER_ENTRY_TTL_S]);
  await pipeline.exec();
}

/**
 * Jobs left "active" by an engine that is gone (killed, out of memory, its machine lost). BullMQ
 * would give such a job to another worker only once its lock expires and a stalled-job check runs;
 * here it goes back to waiting at once. A job whose holder is unknown (a worker not yet registered)
 * or still connected is left alone: taking it from a live worker would only run it twice, which
 * the idempotent processors allow, but there is no reason to.
 */
export class OrphanedJobs {
  private connected?: Set<string>;

  /** True when the job was active under a gone engine's worker and is now waiting again. */
  async release(queue: Queue, job: Job): Promise<boolean> {
    const backend = queue.getBackend();
    const client = await backend.client;
    const token = (await client.runCommand('get', [backend.toKey(`${job.id}:lock`)])) as string | null;
    if (!token) return false;
    const instanceId = (await client.runCommand('get', [workerKey(queue.opts.prefix, token.split(':')[0])])) as string | null;
    if (!instanceId || (await this.connectedInstances(queue)).has(instanceId)) return false;
    return job.moveToWait(token).then(
      () => true,
      () => false,
    );
  }

  /** Read once per pass: the client list does not change in a way that matters within one. */
  private async connectedInstances(queue: Queue): Promise<Set<string>> {
    if (this.connected) return this.connected;
    const list = String(await (await queue.getBackend().client).runCommand('client', ['LIST']));
    const names = [...list.matchAll(/ name=(\S+)/g)].map((m) => m[1]);
    this.connected = new Set(names.filter((n) => n.startsWith(ENGINE_CONNECTION_PREFIX)).map((n) => n.slice(ENGINE_CONNECTION_PREFIX.length)));
    return this.connected;
  }
}
