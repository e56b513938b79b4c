// Lint: typescript-eslint's recommended rules plus the type-aware ones that catch what the
// compiler does not (promises left floating or passed where a callback returns nothing, switches
// that forget a case). Formatting is Prettier's, so its conflicting rules are off.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // The web app's unit tests and Vite's config sit outside the web tsconfig's files.
        projectService: {
          allowDefaultProject: ['apps/web/vite.config.ts', 'apps/web/src/__tests__/*.ts'],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React event handlers may be async: each catches its own errors and shows them on the page.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // A leading underscore names what is left out on purpose (a rest sibling, an ignored argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The validators match control characters on purpose: they refuse them in single-line fields.
      'no-control-regex': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // SQL lives in libs/dal's repositories, one folder per aggregate: where a column is written is one file away.
    files: ['libs/core/**/*.ts', 'libs/domain/**/*.ts', 'libs/jobs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL belongs in a typed repository function in libs/dal/src/repositories; call that instead.',
        },
      ],
    },
  },
  {
    // Tests read JSON answers of many shapes; typing each one would say nothing the assertions do not.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
