import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Inside node_modules, so the bundles' imports of packages resolve as the sources' do. */
const BUNDLES = path.join(ROOT, 'node_modules/.cache/test-children');
const bundled = new Map<string, string>();

/**
 * A test's TypeScript child script as one JavaScript file, built once per test process. Crash
 * tests start dozens of children; through tsx each spent half a second compiling the app's
 * modules before it could run. The file is named by its content, so test processes building the
 * same script at once write the same bytes, and a changed script never runs an old bundle.
 */
export function childScript(script: string): string {
  const known = bundled.get(script);
  if (known) return known;
  const result = buildSync({
    entryPoints: [script],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.node.json'),
    sourcemap: 'inline',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.contents;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = path.basename(script, '.ts');
  const file = path.join(BUNDLES, `${name}-${hash}.mjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(BUNDLES, { recursive: true });
    // Bundles of this script from before the app's code changed (2–4 MB each) go.
    for (const old of fs.readdirSync(BUNDLES)) {
      if (old.startsWith(`${name}-`) && /^[0-9a-f]{16}\.mjs$/.test(old.slice(name.length + 1))) fs.rmSync(path.join(BUNDLES, old), { force: true });
    }
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, code);
    fs.renameSync(temp, file);
  }
  bundled.set(script, file);
  return file;
}

/**
 * Runs a test's child script in a child Node process from the project root, with stdout and
 * stderr piped for the test to read, so it can kill the child at a chosen moment.
 */
export function scriptChild(script: string, args: string[]) {
  return spawn(process.execPath, ['--enable-source-maps', childScript(script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
