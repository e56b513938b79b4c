import { bloc } from './bloc';
import { consolidation } from './consolidation';
import { httpAdapters } from './http-adapters';
import { httpFloor } from './http-floor';
import { isolation } from './isolation';
import { log } from './log';
import { reminders } from './reminders';
import { textTable, writeLatestMarkdown, writeResult } from './results';
import { Scenario, ScenarioResult } from './scenario';
import { serverVersions } from './settings';

/** Every scenario, by name, in the order `npm run bench` with no name runs them. */
const SCENARIOS: Scenario[] = [reminders, consolidation, bloc, isolation, httpFloor, httpAdapters];

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`Unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const chosen = names.length ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  const versions = await serverVersions();
  const results: ScenarioResult[] = [];
  for (const scenario of chosen) {
    log(`scenario ${scenario.name}: ${scenario.description}`);
    const result = await scenario.run();
    Object.assign(result.machine, versions);
    results.push(result);
    const file = writeResult(result);
    console.log(`\n${textTable(result)}\n\nwritten to ${file}`);
  }
  console.log(`latest tables: ${writeLatestMarkdown()}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ERROR: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
