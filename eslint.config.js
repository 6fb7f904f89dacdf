// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// The layering rule: components → store → core. core stays pure (no React, zustand or DOM globals),
// store never imports components.
const coreRestrictedImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is framework-free: no React.' },
    { group: ['zustand', 'zustand/*'], message: 'src/core is framework-free: no zustand.' },
    {
      group: ['**/store/**', '**/store', '**/components/**', '**/components'],
      message: 'core must not depend on store or components.',
    },
  ],
};
const domGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'fetch',
  'alert',
  'confirm',
].map((name) => ({ name, message: 'src/core has no DOM globals: inject what you need.' }));

export default defineConfig(
  {
    ignores: [
      'dist',
      'dist-bench',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'tests/fixtures/**/*.java',
      'tests/fixtures/**/*.py',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `onClick={() => setOpen(false)}` returns a void call on purpose; block bodies add noise, not safety.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Numbers stringify predictably (counts, sizes, ports); other non-strings still need an explicit conversion.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    rules: {
      // A JSDoc cast `/** @type {T} */ (value)` is invisible to these rules (ESTree drops the parentheses), so a JS
      // file cannot mark a parsed `any` as checked the way a TS `as T` does.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // No import cycles in the app: a cycle makes module initialisation order matter and blurs the layering.
    // Type-only imports are erased at build time, and the rule skips them; packages are not followed (ignoreExternal).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', coreRestrictedImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '**/components', 'react-dom', 'react-dom/*'],
              message: 'store must not depend on components.',
            },
          ],
        },
      ],
    },
  },
);
