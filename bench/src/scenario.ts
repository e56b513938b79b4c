/** One line of a scenario's results table. */
export interface Metric {
  name: string;
  value: number | string;
  unit?: string;
  /** The target, in words (e.g. "< 1000 ms"), when the issue sets one. */
  target?: string;
  /** Whether the target is met; absent when there is none. */
  ok?: boolean;
  /** The measured value ÷ the target's, when both are numbers (below 1 meets an "at most" target, above 1 an "at least" one). */
  ratio?: number;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  startedAt: string;
  finishedAt: string;
  machine: Record<string, string | number>;
  /** The knobs the run used (counts, windows, schema, prefix). */
  params: Record<string, string | number>;
  metrics: Metric[];
  /** Figures behind the table, kept in the JSON only (percentile sets, CPU shares, timings). */
  details: Record<string, unknown>;
}

/** A benchmark scenario: `npm run bench -- <name>` runs it. Add one by adding a file and a line in main.ts. */
export interface Scenario {
  name: string;
  description: string;
  run(): Promise<ScenarioResult>;
}

/** MET when every metric with a target meets it, else MISSED naming the ones missed; n/a without targets. */
export function verdict(result: ScenarioResult): string {
  const judged = result.metrics.filter((m) => m.ok !== undefined);
  if (judged.length === 0) return 'n/a';
  const missed = judged.filter((m) => !m.ok).map((m) => m.name);
  return missed.length ? `MISSED (${missed.join('; ')})` : 'MET';
}
