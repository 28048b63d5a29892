// @ts-check
// ESLint over src, test and scripts (`npm run lint`, part of `npm test`); layout is Prettier's (`npm run format`).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The code TypeScript checks (tsconfig.json; scripts/tsconfig.json and examples/tsconfig.json, from JSDoc): linted
 * with type information.
 */
const TYPE_CHECKED = ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs', 'scripts/**/*.cjs', 'examples/*.mjs'];

export default defineConfig(
  {
    // The packaged entry points (rulesets/*.js, types/*.d.ts) are one-line shims and declarations that
    // test/conventions.test.ts and test/types/public-api.ts check; the rest is generated, installed or test input.
    ignores: ['dist/', 'coverage/', '.cache/', 'fixtures/', 'rulesets/', 'types/', 'jest.config.js'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: TYPE_CHECKED,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // jest's asymmetric matchers (expect.objectContaining, expect.stringContaining, expect.any) are typed `any`,
      // and the scenario tables put them in object literals: every expected finding would be reported.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['scripts/**'],
    rules: {
      // In JavaScript, a JSDoc cast is how a value from JSON.parse, YAML.parse or createRequire gets its type, and
      // these rules do not see JSDoc casts (typescript-eslint/typescript-eslint#4824): each such value would be
      // reported. TypeScript still checks the scripts (scripts/tsconfig.json, checkJs).
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    rules: {
      // TypeScript reports undefined names itself (the rule does not know Node's or jest's globals).
      'no-undef': 'off',
      // The code is CommonJS resolved the node10 way, which does not read `exports` maps: subpath exports of
      // Spectral's packages, and modules found at run time, can only be loaded with `require`; and
      // `import x = require()` is how TypeScript imports an `export =` module such as the package's own main.
      '@typescript-eslint/no-require-imports': 'off',
      // Spectral's severities are a numeric enum of @stoplight/types, which the package neither depends on nor may
      // import (the build imports only Spectral's built-ins): the code names them by number (0 is error), as
      // src/cli/names.ts's SEVERITIES does.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // As `tsc --noUnusedLocals` allows: a property named in a destructuring only to leave it out of the rest.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
