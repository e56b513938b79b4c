import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of a background thread: the scheduler serves the API's event loop and PostgreSQL first. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the CPU priority of the calling thread only (Linux: setpriority on its thread id, read
 * from /proc/thread-self). On two cores a document being built otherwise competes on equal terms
 * with every light request; lowered, it takes what they leave. Elsewhere it does nothing.
 */
export function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, BACKGROUND_NICE);
  } catch {
    // not Linux, or not allowed: the thread keeps the process's priority
  }
}
