/** Transitions are applied by the engine's workers shortly after a 202: poll until the report shows it. */
export async function waitForChange(check: () => Promise<boolean>, timeoutMs = 8_000, everyMs = 300): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
