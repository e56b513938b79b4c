import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on `entry`, a module of this repository. Built, it is a .js file Node runs
 * as it is. From source (the tests run TypeScript through SWC in Jest, which a thread does not
 * inherit) the thread first installs the same SWC transform for .ts files and resolves the @app/*
 * paths of tsconfig.json, then loads the entry: the tests exercise the very code that runs deployed.
 */
export function startThread(entry: string, options: WorkerOptions = {}): Worker {
  if (entry.endsWith('.js')) return new Worker(entry, options);
  return new Worker(sourceBootstrap(entry), { ...options, eval: true });
}

function repositoryRoot(from: string): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function sourceBootstrap(entry: string): string {
  const root = repositoryRoot(entry);
  return `
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require(${JSON.stringify(join(root, 'node_modules/@swc/core'))});
const root = ${JSON.stringify(root)};
const libraries = { domain: 'libs/domain/src', dal: 'libs/dal/src', jobs: 'libs/jobs/src', core: 'libs/core/src', config: 'config/src' };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@app\\/(domain|dal|jobs|core|config)(\\/.*)?$/.exec(request);
  return resolveFilename.call(this, alias ? path.join(root, libraries[alias[1]], alias[2] || '') : request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
require(${JSON.stringify(entry)});
`;
}
