import { Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { extname, join } from 'node:path';
import { AppConfig } from '@app/config';
import { startThread } from '../threads/start-thread';
import { PoolBusyError, WorkerThreadPool } from '../threads/worker-thread-pool';
import type { PartyDocument } from './party-document.model';

/** Tasks that may wait per thread: with HEAVY_REQUESTS_PER_USER in front, only a crowd reaches this. */
const QUEUED_PER_THREAD = 16;
/** A thread's own heap: the largest document (300 units in full, DOCX_FULL_TEXT_MAX_UNITS) needs about half. */
const THREAD_HEAP_MB = 256;
/** A thread idle this long is stopped, giving its heap back; starting one again takes a fraction of a second. */
const THREAD_IDLE_MS = 30_000;

/**
 * Renders Word documents in DOCX_RENDER_THREADS worker threads. Building a 6,000-unit plan's
 * document took 2.8 s of the event loop, during which the API answered nobody; in a thread it
 * costs a core, not the loop. The renderer's input stays the plain PartyDocument model.
 */
@Injectable()
export class DocxRenderPool implements OnModuleDestroy {
  private readonly pool: WorkerThreadPool<PartyDocument, Uint8Array>;

  constructor(config: AppConfig) {
    const entry = join(__dirname, `docx-render.thread${extname(__filename)}`);
    const threads = config.DOCX_RENDER_THREADS;
    this.pool = new WorkerThreadPool(
      () => startThread(entry, { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } }),
      threads,
      threads * QUEUED_PER_THREAD,
      THREAD_IDLE_MS,
    );
  }

  async render(document: PartyDocument): Promise<Buffer> {
    try {
      const bytes = await this.pool.run(document);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof PoolBusyError) throw new ServiceUnavailableException('Too many documents are being prepared; try again in a minute');
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.close();
  }
}
