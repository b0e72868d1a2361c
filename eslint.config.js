// Layer rules: each folder belongs to one runtime, and an import that crosses a layer the wrong way
// fails the lint (the tsconfigs catch forbidden globals; this catches forbidden modules).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];
const forbid = (patterns, message) => ({ group: patterns, message });
// A folder is imported both as '../core' and as '../core/vault/service'.
const folder = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        forbid(nodeBuiltins, 'electron/shared runs everywhere: no Node modules.'),
        forbid(['electron', ...folder('core', 'main', 'server', 'preload', 'renderer')], 'electron/shared may import only zod and other shared modules.'),
      ] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        forbid(['electron', 'electron/*'], 'Core is plain Node: it never imports electron.'),
        forbid(['react', 'react-dom', ...folder('main', 'server', 'preload', 'renderer')], 'Core must not depend on a transport or the UI.'),
      ] }],
    },
  },
  {
    files: ['electron/server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        forbid(['electron', 'electron/*', ...folder('main', 'preload', 'renderer')], 'Browser mode must not depend on Electron or the UI source.'),
      ] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        forbid([...folder('server', 'preload', 'renderer')], 'The shell talks to core only.'),
      ] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        forbid(['zod', ...folder('core', 'main', 'server', 'renderer')], 'The sandboxed preload bundles to one tiny file: electron and shared/api/channels only.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: [
        forbid(nodeBuiltins, 'The renderer runs in a sandboxed page: no Node modules.'),
        forbid(['electron', 'electron/*', 'better-sqlite3*', ...folder('electron/core', 'electron/server', 'electron/main')], 'The renderer talks to core only through the API client.'),
      ] }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.ts', 'bench/**/*.ts', '*.config.{js,ts}', 'electron.vite.config.ts', 'build/**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
);
