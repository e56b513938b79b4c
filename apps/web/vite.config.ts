import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app, built into dist/web, which the API serves at `/`. No React plugin: Vite's own
 * transformer (Oxc) compiles the JSX with React's automatic runtime, and a production build needs
 * nothing more (no fast refresh). Everything is bundled; nothing is fetched from elsewhere. Each
 * script and style is also written compressed (.br, .gz) beside itself: the API sends those as they
 * are, so a phone on a slow line downloads a third of the bytes and no CPU compresses per request.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [compression({ algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip')], include: /\.(js|css|html|svg)$/, threshold: 1024 })],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No inline <script> for the module preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
