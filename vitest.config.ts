import path from 'node:path';
import { defineConfig } from 'vitest/config';

const shared = path.resolve(import.meta.dirname, 'electron/shared');

export default defineConfig({
  resolve: { alias: { '@shared': shared } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/setup/temp-root.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real encrypted databases and child processes: keep parallelism to the two cores we have.
    maxWorkers: 2,
  },
});
