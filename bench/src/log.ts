const start = Date.now();

/** A progress line on stderr, so stdout keeps only the results tables. */
export function log(message: string): void {
  console.error(`[bench +${((Date.now() - start) / 1000).toFixed(1)}s] ${message}`);
}
