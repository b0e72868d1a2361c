// The run's own temp folder (tests/setup/temp-root.ts) reaches the workers that run test files
// and what they start, so whatever a test leaves there goes when the run ends.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

it("gives test files, and the processes they start, the run's own temp folder", () => {
  expect(path.basename(os.tmpdir())).toMatch(/^workbench-run-/);
  expect(path.dirname(tempDir())).toBe(os.tmpdir());
  const child = execFileSync(process.execPath, ['-p', "require('node:os').tmpdir()"], { encoding: 'utf8' }).trim();
  expect(child).toBe(os.tmpdir());
});
