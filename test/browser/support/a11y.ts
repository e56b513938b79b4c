import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, from node_modules: the page under test loads nothing from outside the server. */
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** What axe reports for one broken rule, trimmed to what a failing test message needs. */
export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

type AxeWindow = {
  axe: {
    run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
  };
  document: unknown;
};

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules and axe's best practices) on the page as it is now. */
export async function a11yViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as Partial<AxeWindow>).axe !== 'undefined');
  // Evaluated through the DevTools protocol: a <script> tag (addScriptTag) is refused by the web
  // app's Content-Security-Policy (script-src 'self'), which the tests keep as users get it.
  if (!loaded) await page.evaluate(`${(axeSource ??= readFileSync(AXE_SCRIPT, 'utf8'))}\n;true`);
  return page.evaluate(async () => {
    const win = globalThis as unknown as AxeWindow;
    const result = await win.axe.run(win.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** Fails with every violation listed (rule, impact, elements) so the message alone says what to fix. */
export async function expectNoA11yViolations(page: Page, label: string): Promise<void> {
  const violations = await a11yViolations(page);
  const described = violations.map((v) => `${label}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help} — ${v.targets.join(', ')}`);
  expect(described).toEqual([]);
}
