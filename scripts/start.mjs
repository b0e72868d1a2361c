// `npm start`: the desktop app through electron-vite; where the Electron runtime is missing,
// browser mode instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const run = (command, args) =>
  new Promise((resolve) => spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => resolve(code ?? 1)));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (electronBinary()) {
  process.exit(await run('npx', ['electron-vite', 'preview']));
} else {
  console.log('The Electron runtime is not installed on this machine, so the workbench starts in browser mode instead.');
  process.exit(await run(npm, ['run', 'web', '--', ...process.argv.slice(2)]));
}
