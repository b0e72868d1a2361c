// Builds once if the renderer or the browser-mode server is missing, so `npm run web` works from a
// fresh clone. `npm run build` rebuilds on purpose.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const needed = ['out/renderer/index.html', 'out/server/index.js', 'out/kb/kb.sqlite'];
if (needed.some((file) => !fs.existsSync(file))) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
