import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
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

function wantsHtml(req: Request): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the single-page app at `/`: its files from dist/web, and index.html for any other GET a
 * browser makes (Accept: text/html) outside the engine's paths, so deep links work. Requests that do
 * not ask for HTML (API clients, tools) fall through to Nest, whose 404 stays a JSON error.
 *
 * Written on express.static rather than @nestjs/serve-static (12.0.0 does support @nestjs/core 12):
 * that module answers index.html to every GET whatever its Accept header, and a JSON
 * "Cannot GET /" when the build is missing, and both are what this needs to do differently.
 */
export function webAppHandlers(root: string = webDistDir()): RequestHandler[] {
  const index = join(root, 'index.html');
  // The build writes each script and style compressed beside itself (.br, .gz): sent as they are to a
  // browser that accepts them (Content-Encoding, Vary: Accept-Encoding), the plain file otherwise.
  const serveFiles = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { index: false, fallthrough: true, maxAge: '1h', setHeaders: cacheFor },
  });
  const onlyOutsideEngine: RequestHandler = (req, res, next) => {
    if (isEnginePath(req.path)) return next('router');
    webAppCsp(req, res, next);
  };
  const files: RequestHandler = (req, res, next) => (existsSync(index) ? serveFiles(req, res, next) : next());
  const fallback: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path !== '/' && !wantsHtml(req)) return next();
    if (!existsSync(index)) {
      return void res.status(503).type('text/plain; charset=utf-8').set('Cache-Control', 'no-store').send(NOT_BUILT);
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  return [onlyOutsideEngine, files, fallback];
}

/**
 * index.html is checked every time (it names the current build's files); the files under assets/
 * carry a hash of their content in their name, so a browser keeps them for a year without asking.
 */
function cacheFor(res: ServerResponse, path: string): void {
  if (/\.html(\.(br|gz))?$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
  else if (/[\\/]assets[\\/]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

/** Mounts the web app in front of Nest's routes; its handlers pass every engine path through untouched. */
export function serveWebApp(app: INestApplication, root?: string): void {
  const router = express.Router();
  router.use(...webAppHandlers(root));
  app.use(router);
}
