// One fresh process, one question: how long the first search of a process takes. Run by
// kb.bench.ts as a child process, because in the bench's own process everything is warm.
//   tsx bench/kb-first-query.ts <kb dir> <ours|ours-cold|lunr> <question>
// ours: as the app starts (the index warms up in the background), then the question.
// ours-cold: the question straight after construction, before any warm-up.
// lunr: bare lunr, the index loaded and then its first idx.search().
import fs from 'node:fs';
import path from 'node:path';
import { KB_FILES } from '../electron/core/kb/locate';
import { loadIndex } from '../electron/core/kb/lunr-index';
import { KbService } from '../electron/core/kb/service';

const [dir, mode, question] = process.argv.slice(2) as [string, 'ours' | 'ours-cold' | 'lunr', string];

let ms: number;
if (mode === 'lunr') {
  const index = loadIndex(JSON.parse(fs.readFileSync(path.join(dir, KB_FILES.index), 'utf8')) as object);
  const start = performance.now();
  try {
    index.search(question);
  } catch {
    // lunr's query syntax rejects some inputs; the time until it does still counts
  }
  ms = performance.now() - start;
} else {
  const kb = new KbService(dir);
  if (mode === 'ours') await kb.warmUp();
  const start = performance.now();
  kb.search(question, { limit: 12 });
  ms = performance.now() - start;
}
process.stdout.write(JSON.stringify({ ms }));
