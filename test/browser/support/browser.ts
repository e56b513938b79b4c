import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { FIXTURE_PASSWORD } from '../../support/harness';

/** Debian's chromium (config/bin/ensure-chromium.sh installs it); playwright-core brings no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'artifacts', 'browser');

export const LAPTOP = { width: 1280, height: 800 };
export const TABLET = { width: 1024, height: 768 };
/** The two sizes every page is checked at: a common laptop screen and a common phone. */
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/**
 * Chromium headless, with a fresh temporary profile (playwright-core's launch creates one per
 * browser and deletes it on close) and without the background traffic a desktop browser makes
 * on its own, so every request seen comes from the pages.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Every request any page of the run made, to check that none left the test server. */
export class RequestLog {
  readonly urls: string[] = [];

  watch(context: BrowserContext): void {
    context.on('request', (request) => this.urls.push(request.url()));
  }

  /** Requests to any origin but the server's (data: and blob: URLs never leave the browser). */
  offServer(origin: string): string[] {
    return this.urls.filter((url) => !url.startsWith(`${origin}/`) && url !== origin && !/^(data|blob):/.test(url));
  }
}

/** One person in their own browser context (own session storage), signed in through the sign-in form. */
export async function openAs(browser: Browser, log: RequestLog, origin: string, username: string, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  log.watch(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${username}] page error: ${error.message}`));
  await page.goto(`${origin}/`);
  await signIn(page, username);
  return page;
}

export async function signIn(page: Page, username: string, password = FIXTURE_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Công việc của tôi' }).waitFor();
}

let shot = 0;
/** Saves what the page shows under test/artifacts/browser/<spec>/, numbered in the order of the run. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  const spec = basename(expect.getState().testPath ?? 'browser').replace(/\.browser-spec\.ts$/, '');
  const dir = join(ARTIFACTS_DIR, spec);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

export async function closeAll(pages: Page[]): Promise<void> {
  await Promise.all(
    pages.map((page) =>
      page
        .context()
        .close()
        .catch(() => undefined),
    ),
  );
}
