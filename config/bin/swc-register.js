// Lets node run the TypeScript sources as they are (`node -r ./config/bin/swc-register.js file.ts`):
// each .ts file is compiled by swc on require, with the options Jest uses, and the @app/* paths of
// tsconfig.json resolve to the libraries' sources. For the build-free scripts (config/bin/contract.sh).
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const libraries = {
  domain: 'libs/domain/src',
  dal: 'libs/dal/src',
  jobs: 'libs/jobs/src',
  core: 'libs/core/src',
  contract: 'libs/contract/src',
  config: 'config/src',
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@app\/([a-z]+)(\/.*)?$/.exec(request);
  const library = match && libraries[match[1]];
  return resolveFilename.call(this, library ? path.join(root, library, match[2] ?? '') : request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
