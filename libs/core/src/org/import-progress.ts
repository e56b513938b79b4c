import { DataSource } from 'typeorm';
import { recordOrgImportProgress } from '@app/dal';

/** How often an import's progress is written: often enough for a progress bar, rarely enough to cost nothing. */
const EVERY_MS = 500;

/**
 * Writes an import's progress (passwords done) to its row, at most every EVERY_MS and one write at a
 * time; `flush` writes the last count. A failed write is skipped: the next one carries the count.
 */
export class ImportProgress {
  private latest = 0;
  private written = 0;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly importId: string,
  ) {}

  report(done: number): void {
    this.latest = done;
    if (Date.now() - this.lastWrite >= EVERY_MS) this.write();
  }

  async flush(): Promise<void> {
    this.write();
    await this.writing;
  }

  private write(): void {
    this.lastWrite = Date.now();
    this.writing = this.writing.then(async () => {
      const done = this.latest;
      if (done <= this.written) return;
      await recordOrgImportProgress(this.db, this.importId, done).then(
        () => void (this.written = done),
        () => undefined,
      );
    });
  }
}
