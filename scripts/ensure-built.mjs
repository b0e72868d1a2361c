// Builds once if the renderer or the browser-mode server is missing, so `npm run web` works from a
// fresh clone. `npm run build` rebuilds on purpose.
import fs from 'node:fs';
import { npmCommand, run } from './npm-run.mjs';

const needed = ['out/renderer/index.html', 'out/server/index.js', 'out/kb/kb.sqlite'];
if (needed.some((file) => !fs.existsSync(file))) {
  const code = await run(npmCommand(['run', 'build']), { stdio: ['ignore', 'inherit', 'inherit'] });
  if (code !== 0) process.exit(code);
}
