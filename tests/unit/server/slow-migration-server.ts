// Child process for panic-during-migration.test.ts: the browser-mode server over a data folder
// whose vault an older version wrote, with migration 019 held for a few seconds after its real
// work (the time it takes on a vault of many entries), so a test can act while it runs.
// Usage: node --import tsx slow-migration-server.ts <dataDir> <holdMs>
import { createCore } from '../../../electron/core';
import { migrations, type Migration } from '../../../electron/core/vault/migrations';
import { startServer } from '../../../electron/server/server';
import { tempDir } from '../../helpers/temp';
import { WEAK_KDF } from '../../core/vault/kdf-params';

const [dataDir, holdMs] = process.argv.slice(2) as [string, string];
const steps = migrations as Migration[];
const index = steps.findIndex((step) => step.version === 19);
const slim = steps[index]!;
steps[index] = {
  ...slim,
  up(db) {
    slim.up(db);
    process.stdout.write('migrating\n');
    // Holds the thread as a long rewrite does: nothing else in this process runs meanwhile.
    const until = Date.now() + Number(holdMs);
    while (Date.now() < until);
  },
};
const core = createCore({ dataDir, resourcesDir: 'resources', mode: 'browser', version: '0.0.0-test', kdf: WEAK_KDF, openExternal: async () => false });
const server = await startServer({ core, rendererDir: tempDir(), token: 'test-token-0123456789' });
process.stdout.write(`ready ${server.port} ${server.url}\n`);
