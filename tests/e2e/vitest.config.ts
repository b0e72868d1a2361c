import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');

// Journeys through browser mode in Debian's Chromium. One file at a time: each starts its own
// server and browser, and the machine has two cores.
export default defineConfig({
  root,
  resolve: { alias: { '@shared': path.join(root, 'electron/shared') } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
