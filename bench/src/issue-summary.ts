import { Metric, ScenarioResult } from './scenario';
import { round } from './stats';

/**
 * The figures of the issue "Benchmark at the scale of a real Bloc" in one table, taken from the
 * newest result of each scenario: `bloc` measures most of them; the reminder lateness comes from
 * `reminders` and the consolidation of 10,000 approved reports from `consolidation`.
 */
export function issueSummary(newest: Map<string, { result: ScenarioResult; file: string }>): string | undefined {
  const bloc = newest.get('bloc');
  if (!bloc) return undefined;
  const find = (scenario: string, prefix: string): (Metric & { from: string }) | undefined => {
    const entry = newest.get(scenario);
    const metric = entry?.result.metrics.find((m) => m.name.startsWith(prefix));
    return metric ? { ...metric, from: `${scenario} ${entry!.result.startedAt.slice(0, 16).replace('T', ' ')}` } : undefined;
  };
  const show = (m?: Metric) => {
    if (!m || m.value === null || m.value === undefined) return 'n/a';
    const v = typeof m.value === 'number' ? m.value.toLocaleString('en-US', { maximumFractionDigits: 3 }) : m.value;
    return m.unit ? `${v} ${m.unit}` : String(v);
  };
  // The targets of the issue "Fast on a small server": the rows of bloc's table named "target: ...".
  const targets = bloc.result.metrics
    .filter((m) => m.name.startsWith('target: '))
    .map((m): [string, Metric & { from: string }] => [
      m.name.slice('target: '.length),
      { ...m, from: `bloc ${bloc.result.startedAt.slice(0, 16).replace('T', ' ')}` },
    ]);
  const rows: [string, (Metric & { from: string }) | undefined][] = [
    ...targets,
    ['launch of the Bloc (every report and drafting task exists)', find('bloc', 'launch: POST → every report')],
    ['end-to-end transitions per second', find('bloc', 'end-to-end transitions per second')],
    ['… as a ratio of the bare SQL ceiling', find('bloc', 'transitions/s ÷ bare SQL')],
    ['… as a ratio of the no-op BullMQ ceiling', find('bloc', 'transitions/s ÷ no-op BullMQ')],
    ['ceiling: bare SQL transition', find('bloc', 'ceiling: bare SQL')],
    ['ceiling: no-op BullMQ jobs', find('bloc', 'ceiling: no-op BullMQ')],
    ['task completion latency p50', find('bloc', 'task completion (POST complete) latency p50')],
    ['task completion latency p99', find('bloc', 'task completion (POST complete) latency p99')],
    ['inbox listing latency p50', find('bloc', 'inbox listing (GET /api/tasks) latency p50')],
    ['inbox listing latency p99', find('bloc', 'inbox listing (GET /api/tasks) latency p99')],
    ['decision → next stage lag p50', find('bloc', 'decision → next stage (audit timestamps) p50')],
    ['decision → next stage lag p99', find('bloc', 'decision → next stage (audit timestamps) p99')],
    ['consolidation: working group completes → every report done', find('bloc', 'consolidation: working group completes')],
    ['consolidation of 10,000 approved reports (flow)', find('consolidation', '(a) consolidation flow')],
    ['consolidated report JSON', find('consolidation', '(b) GET /api/plans/:id/consolidated: time')],
    ['reminder lateness p99 (100,000 reminders)', find('reminders', 'lateness (notification created − due) p99')],
    ['API peak memory (bloc)', find('bloc', 'api peak memory')],
    ['worker 1 peak memory (bloc)', find('bloc', 'worker1 peak memory')],
    ['worker 2 peak memory (bloc)', find('bloc', 'worker2 peak memory')],
    ['worker peak memory (reminders)', find('reminders', 'worker peak memory')],
    ['API peak memory (consolidation)', find('consolidation', '(d) API peak memory')],
    ['worker peak memory (consolidation)', find('consolidation', '(d) worker peak memory')],
  ];
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = rows.map(
    ([name, m]) =>
      `| ${cell(name)} | ${cell(show(m))} | ${cell(m?.target ?? '')} | ${typeof m?.ratio === 'number' ? round(m.ratio, 2) : ''} | ${m?.ok === undefined ? '' : m.ok ? 'MET' : 'MISSED'} | ${m?.from ?? 'not run'} |`,
  );
  const p = bloc.result.params as Record<string, unknown>;
  return [
    "## The issue in one table: a Bloc at real scale, against the machine's ceilings",
    '',
    `Bloc of ${Number(p.units).toLocaleString('en-US')} units, ${p.users} simulated users; load average at the start of the bloc run ${bloc.result.machine.loadAverage1mAtStart}. ` +
      'Each figure names the run it comes from; the sections below hold every figure.',
    '',
    '| Figure | Value | Target | Ratio | | From |',
    '|---|--:|---|--:|---|---|',
    ...lines,
    '',
  ].join('\n');
}
