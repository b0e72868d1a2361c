// One fresh process, one question: how long the first search of a process takes. Run by
// kb.bench.ts as a child process, because in the bench's own process everything is warm.
//   tsx bench/kb-first-query.ts <kb dir> <ours|ours-cold|lunr> <question> <language>
// ours: as the app starts (the indexes warm up in the background), then the question.
// ours-cold: the question straight after construction, before any warm-up.
// lunr: bare lunr, the indexes the app would read for the question loaded, then their first search().
import fs from 'node:fs';
import path from 'node:path';
import { loadIndex } from '../electron/core/kb/lunr-index';
import { indexFileName, languagesWithIndex } from '../electron/core/kb/search/index-files';
import { languagesFor } from '../electron/core/kb/search/multilingual';
import { KbService } from '../electron/core/kb/service';

const [dir, mode, question, language] = process.argv.slice(2) as [string, 'ours' | 'ours-cold' | 'lunr', string, string];

let ms: number;
if (mode === 'lunr') {
  const indexes = languagesFor(question, language, languagesWithIndex(dir)).map((l) =>
    loadIndex(JSON.parse(fs.readFileSync(path.join(dir, indexFileName(l)), 'utf8')) as object),
  );
  const start = performance.now();
  for (const index of indexes) {
    try {
      index.search(question);
    } catch {
      // lunr's query syntax rejects some inputs; the time until it does still counts
    }
  }
  ms = performance.now() - start;
} else {
  const kb = new KbService(dir);
  if (mode === 'ours') await kb.warmUp();
  const start = performance.now();
  kb.search(question, { limit: 12, language });
  ms = performance.now() - start;
}
process.stdout.write(JSON.stringify({ ms }));
