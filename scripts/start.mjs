// `npm start`: the desktop app through electron-vite; where the Electron runtime is missing,
// browser mode instead. Every child is started with Node directly, never through a shell.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { binCommand, npmCommand, run } from './npm-run.mjs';

const require = createRequire(import.meta.url);

// Looks for the binary without require('electron'), which tries to download it when it is
// missing: starting the app must never reach the network.
function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (electronBinary()) {
  // electron-vite builds the app but not the knowledge base, which has its own build step.
  if (!fs.existsSync('out/kb/kb.sqlite')) {
    const kb = await run(npmCommand(['run', 'build:kb']));
    if (kb !== 0) process.exit(kb);
  }
  process.exit(await run(binCommand('electron-vite', 'electron-vite', ['preview'])));
} else {
  console.log('The Electron runtime is not installed on this machine, so the workbench starts in browser mode instead.');
  const built = await run([process.execPath, ['scripts/ensure-built.mjs']]);
  if (built !== 0) process.exit(built);
  process.exit(await run([process.execPath, ['out/server/index.js', ...process.argv.slice(2)]]));
}
