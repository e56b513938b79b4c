import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ENGINE_DIR } from './child';
import { issueSummary } from './issue-summary';
import { Metric, ScenarioResult, verdict } from './scenario';

export const RESULTS_DIR = 'bench/results';

export function machine(): Record<string, string | number> {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1mAtStart: loadavg()[0],
    engine: engineVersion(),
  };
}

/** The engine measured: its directory and commit (ENGINE_COMMIT in an export; `git describe` in a checkout, "-dirty" with edits). */
function engineVersion(): string {
  try {
    return `${ENGINE_DIR} @ ${readFileSync(join(ENGINE_DIR, 'ENGINE_COMMIT'), 'utf8').trim()}`;
  } catch {
    try {
      return `${ENGINE_DIR} @ ${execFileSync('git', ['-C', ENGINE_DIR, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim()}`;
    } catch {
      return ENGINE_DIR;
    }
  }
}

const formatValue = (m: Metric) => {
  // NaN (a wait that gave up) is null once written as JSON.
  if (m.value === null || m.value === undefined) return 'n/a';
  const v = typeof m.value === 'number' ? (Number.isFinite(m.value) ? m.value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : 'n/a') : m.value;
  return m.unit ? `${v} ${m.unit}` : v;
};
const ratio = (m: Metric) => (m.ratio === undefined || !Number.isFinite(m.ratio) ? '' : ` (×${m.ratio.toLocaleString('en-US', { maximumFractionDigits: 2 })})`);
const status = (m: Metric) => (m.ok === undefined ? '' : (m.ok ? 'ok' : 'MISSED') + ratio(m));
const rows = (r: ScenarioResult) => r.metrics.map((m) => [m.name, formatValue(m), m.target ?? '', status(m)]);
const HEADERS = ['Metric', 'Value', 'Target', ''];

/** A plain-text table for the terminal. */
export function textTable(r: ScenarioResult): string {
  const all = [HEADERS, ...rows(r)];
  const widths = HEADERS.map((_, i) => Math.max(...all.map((row) => [...row[i]].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
      .join('  ')
      .trimEnd();
  const head = `${r.scenario}: ${r.description}\n${describeRun(r)}\nverdict: ${verdict(r)}`;
  return [head, '', line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows(r).map(line)].join('\n');
}

function describeRun(r: ScenarioResult): string {
  const m = r.machine;
  return `run ${r.startedAt} on ${m.cores} cores (${m.cpu}), Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}${m.engine ? `; engine ${m.engine}` : ''}`;
}

function markdown(r: ScenarioResult, file: string): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `## ${r.scenario}: ${verdict(r)}`,
    '',
    `${r.description}. ${describeRun(r)}; details in \`${file}\`.`,
    '',
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map((_, i) => (i === 1 ? '--:' : '---')).join('|')}|`,
    ...rows(r).map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/** Writes `<scenario>-<timestamp>.json`; answers its path. */
export function writeResult(r: ScenarioResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${r.scenario}-${r.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ...r, verdict: verdict(r) }, null, 2) + '\n');
  return file;
}

/** Rewrites latest.md from the newest JSON of every scenario, so it shows each one's last run. */
export function writeLatestMarkdown(): string {
  const newest = new Map<string, string>();
  for (const file of readdirSync(RESULTS_DIR)
    .filter((f) => /^[a-z0-9-]+-\d{4}-.*\.json$/.test(f))
    .sort()) {
    newest.set(file.replace(/-\d{4}-.*$/, ''), file);
  }
  const loaded = new Map(
    [...newest.entries()].sort().map(([name, file]) => [name, { result: JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8')) as ScenarioResult, file }]),
  );
  const sections = [...loaded.values()].map(({ result, file }) => markdown(result, `bench/results/${file}`));
  const summary = issueSummary(loaded);
  const path = join(RESULTS_DIR, 'latest.md');
  writeFileSync(
    path,
    ['# Latest benchmark results', '', 'Written by `npm run bench`: the newest run of each scenario.', '', ...(summary ? [summary] : []), ...sections].join(
      '\n',
    ),
  );
  return path;
}
