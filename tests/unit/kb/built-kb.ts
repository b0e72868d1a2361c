import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { KbBuildError } from '../../../electron/core/kb/compile/read-sources';
import { KbService } from '../../../electron/core/kb/service';
import { tempDir } from '../../helpers/temp';

export const KB_SOURCES = path.resolve('resources/kb');

/** Compiles the real knowledge base into a temp folder and opens it as the app does. */
export function openBuiltKb(): { service: KbService; dir: string } {
  const dir = tempDir('kb-test-');
  compileKb(KB_SOURCES, dir);
  return { service: new KbService(dir), dir };
}

/** Compiles sources expected to be refused; checks nothing was left in the output and returns the problems. */
export function buildProblems(dir: string): string[] {
  const out = tempDir('kb-bad-out-');
  let error: unknown;
  try {
    compileKb(dir, out);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(KbBuildError);
  expect(fs.readdirSync(out)).toEqual([]);
  return (error as KbBuildError).problems;
}
