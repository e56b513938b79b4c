import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

/** Paths the API and its tools own: the web app never answers under them. */
export const ENGINE_PATHS = ['/api', '/health', '/metrics', '/docs', '/docs-json', '/admin/queues'] as const;

const NOT_BUILT =
  'Ứng dụng web chưa được dựng (thư mục dist/web không có index.html). Chạy "npm run build:web" rồi tải lại trang.\n' +
  'The web app is not built: run "npm run build:web".\n';

/**
 * Everything the web app loads comes from this server: scripts, styles, images and API calls are
 * 'self' only, nothing from a CDN, a web font service or an analytics host (helmet's default allows
 * `https:` for styles and fonts). Nor `upgrade-insecure-requests`, which helmet adds by default:
 * chromium exempts http://localhost and 127.0.0.1 from it, but on any other address (an
 * installation served over plain http on its LAN address) it fetches the app's own scripts over
 * https and the page stays blank (checked with Debian's chromium 2026).
 */
const webAppCsp = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  },
});

/** Where `vite build` writes the app (WEB_DIST_DIR, else `dist/web` at the repository root, found from this file upwards). */
export function webDistDir(configured?: string): string {
  if (configured) return resolve(configured);
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

export function isEnginePath(path: string): boolean {
  return ENGINE_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** The path of a request, without its query, as sent (percent-encoded). */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Whether the path names a file inside root (never outside it, whatever dots or encodings it holds). */
function isFileIn(root: string, path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the single-page app at `/`: its files from dist/web, and index.html for any other GET a
 * browser makes (Accept: text/html) outside the engine's paths, so deep links work. Requests that do
 * not ask for HTML (API clients, tools) fall through to Nest, whose 404 stays a JSON error.
 *
 * Written as one catch-all route over @fastify/static's sendFile rather than @nestjs/serve-static:
 * that module answers index.html to every GET whatever its Accept header, and a JSON
 * "Cannot GET /" when the build is missing, and both are what this needs to do differently. Nest's
 * own routes are more specific than `/*`, so the router tries them first.
 */
export async function serveWebApp(app: NestFastifyApplication, root: string = webDistDir()): Promise<void> {
  const index = join(root, 'index.html');
  // The build writes each script and style compressed beside itself (.br, .gz): sent as they are to a
  // browser that accepts them (Content-Encoding, Vary: Accept-Encoding), the plain file otherwise.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, index: false, cacheControl: false, setHeaders: cacheFor });
  const answer = (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    if (isEnginePath(path)) return reply.callNotFound();
    const page = path === '/' || wantsHtml(request);
    if (!existsSync(index)) {
      if (!page) return reply.callNotFound();
      return reply.code(503).type('text/plain; charset=utf-8').header('Cache-Control', 'no-store').send(NOT_BUILT);
    }
    if (path !== '/' && isFileIn(root, path)) return reply.sendFile(decodeURIComponent(path));
    return page ? reply.sendFile('index.html') : reply.callNotFound();
  };
  app
    .getHttpAdapter()
    .getInstance()
    .route({ method: ['GET', 'HEAD'], url: '/*', handler: answer });
}

/**
 * index.html is checked every time (it names the current build's files); the files under assets/
 * carry a hash of their content in their name, so a browser keeps them for a year without asking.
 */
function cacheFor(reply: FastifyReply, path: string): void {
  if (/\.html(\.(br|gz))?$/.test(path)) reply.header('Cache-Control', 'no-cache');
  else if (/[\\/]assets[\\/]/.test(path)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
}

/**
 * The security headers of every answer, as one `onRequest` hook: helmet's defaults for the engine's
 * paths, and for the web app's pages and files its own stricter CSP. Written on the raw response,
 * which Fastify merges into whatever it sends, errors and 404s included.
 */
export function securityHeaders(app: NestFastifyApplication): void {
  const engineHeaders = helmet();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      engineHeaders(request.raw, reply.raw, (error?: unknown) => {
        if (error || isEnginePath(pathOf(request.url))) return done(error as Error | undefined);
        webAppCsp(request.raw, reply.raw, (cspError?: unknown) => done(cspError as Error | undefined));
      });
    });
}
