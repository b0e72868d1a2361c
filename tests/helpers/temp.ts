import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created: string[] = [];
// Removed when the process ends, so the helper works in tests and benchmarks alike.
process.once('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, removed when the process exits. */
export function tempDir(prefix = 'workbench-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}
