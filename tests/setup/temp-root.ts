// Every test run gets a temp folder of its own, removed when the run ends. Test files run in
// worker processes that vitest ends without an exit event, so tempDir's own clean-up (for benches
// and scripts) never ran there: each run left its vaults, servers' data folders and browser
// profiles behind, hundreds of megabytes a run. Set before any worker starts, so the workers, the
// servers and browsers they start, and the app's own temp files all land here (os.tmpdir() reads
// TMPDIR on every call).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-run-'));
  process.env.TMPDIR = root;
  return () => {
    try {
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      // A process still writing there must not fail a run whose tests passed.
      console.warn(`could not remove the run's temp folder ${root}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
