import path from 'node:path';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { KbService } from '../../../electron/core/kb/service';
import { tempDir } from '../../helpers/temp';

export const KB_SOURCES = path.resolve('resources/kb');

/** Compiles the real knowledge base into a temp folder and opens it as the app does. */
export function openBuiltKb(): { service: KbService; dir: string } {
  const dir = tempDir('kb-test-');
  compileKb(KB_SOURCES, dir);
  return { service: new KbService(dir), dir };
}
