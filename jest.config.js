// Five projects: pure unit tests of the rules, service tests of libs/core against real PostgreSQL (no
// HTTP), end-to-end tests against real PostgreSQL and Redis, browser tests of the web app (chromium
// driven by playwright-core against the same real engine), and fault tests that run the built API and
// workers as processes and kill, flush or restart what they use.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  // Compiled too: packages published as ES modules only, which Node 20's require() loads but Jest's
  // CommonJS runtime does not, wherever npm nested them (cookie 2 under @fastify/cookie, say).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@standard-schema|file-type|content-disposition|cookie)/)(?!(@[^/]+/)?[^/]+/node_modules/(content-disposition|cookie)/)',
  ],
  moduleNameMapper: {
    '^@app/(domain|dal|jobs|core|contract)(|/.*)$': '<rootDir>/libs/$1/src$2',
    '^@app/config(|/.*)$': '<rootDir>/config/src$1',
  },
  testEnvironment: 'node',
  // TypeScript first: a stray compiled .js beside a source must never shadow it.
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  // End-to-end tests wait on real queues; a bound per test, never a sleep.
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/config/**/*.spec.ts'] },
    { ...shared, displayName: 'service', testMatch: ['<rootDir>/test/services/**/*.service-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
    { ...shared, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
  ],
};
