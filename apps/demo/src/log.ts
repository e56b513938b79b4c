const startedAt = Date.now();

/** Seconds since the demo started, for progress lines and the final run time. */
export function elapsedSeconds(): number {
  return (Date.now() - startedAt) / 1000;
}

/** One progress line, stamped with the time since start. */
export function log(message: string): void {
  console.log(`[${elapsedSeconds().toFixed(1).padStart(5)}s] ${message}`);
}
