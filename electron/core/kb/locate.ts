import fs from 'node:fs';
import path from 'node:path';

export const KB_FILES = { database: 'kb.sqlite', index: 'index.json' } as const;

/** The build writes here (relative to the repository); electron-builder ships it as content/kb-built. */
export const KB_BUILD_DIR = 'out/kb';
const PACKAGED_DIR = 'kb-built';

/**
 * Where the compiled knowledge base is. Packaged, it sits in resourcesDir (process.resourcesPath/
 * content) as kb-built/; in development and browser mode resourcesDir is the repository's
 * resources/, and the build output is ../out/kb. Null when it has not been built.
 */
export function locateKb(resourcesDir: string): string | null {
  const candidates = [path.join(resourcesDir, PACKAGED_DIR), path.resolve(resourcesDir, '..', KB_BUILD_DIR)];
  return candidates.find((dir) => Object.values(KB_FILES).every((file) => fs.existsSync(path.join(dir, file)))) ?? null;
}
