// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
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

export default tseslint.config(
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
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
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
