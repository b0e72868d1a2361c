// Runs an npm script or a package's command with Node itself, never through a shell: on Windows,
// npm.cmd can only be started through cmd.exe, which would interpret arguments.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** [program, args] for `npm <args>`: npm's own script under this Node when npm started us. */
export function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args]];
  // Started without npm: fall back to npm on the PATH (a real executable outside Windows).
  if (process.platform === 'win32') throw new Error('Run this through npm (npm start or npm run web).');
  return ['npm', args];
}

/** [program, args] for a package's command-line entry, run with this Node. */
export function binCommand(pkg, bin, args) {
  const manifest = require(`${pkg}/package.json`);
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
  return [process.execPath, [path.join(path.dirname(require.resolve(`${pkg}/package.json`)), relative), ...args]];
}

export const run = ([command, args], options = {}) =>
  new Promise((resolve) =>
    spawn(command, args, { stdio: 'inherit', shell: false, ...options })
      .on('error', () => resolve(1))
      .on('exit', (code) => resolve(code ?? 1)),
  );
