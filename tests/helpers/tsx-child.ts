import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs a TypeScript script of the tests in a child Node process through tsx, from the project
 * root, with the app's path aliases (tsx reads @shared/* from tsconfig.node.json); stdout and
 * stderr are piped for the test to read, so it can kill the child at a chosen moment.
 */
export function tsxChild(script: string, args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.node.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
