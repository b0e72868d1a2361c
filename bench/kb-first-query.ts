// One fresh process, one question: how long the first search of a process takes. Run by
// kb.bench.ts as a child process, because in the bench's own process everything is warm.
//   node out/bench/kb-first-query.mjs <kb dir> <lunr dir> <ours|ours-cold|lunr> <question> <language>
// ours: as the app starts (the indexes warm up in the background), then the question.
// ours-cold: the question straight after construction, before any warm-up.
// lunr: bare lunr, the indexes the app would read for the question loaded (lunr's serialisation of
// the same passages, written by the bench into <lunr dir>), then their first search().
// Prints wall-clock and CPU milliseconds: on a loaded machine the wall clock also counts the time
// other processes held the core, which the CPU time leaves out (but it counts the process's other
// threads: the runtime's compiler and garbage collector). For ours and ours-cold, also how long
// building the service took: in a fresh process, as at the app's start, with nothing compiled yet.
import fs from 'node:fs';
import path from 'node:path';
import { loadIndex } from '../electron/core/kb/lunr-index';
import { indexFileName, languagesWithIndex } from '../electron/core/kb/search/index-files';
import { languagesFor } from '../electron/core/kb/search/multilingual';
import { KbService } from '../electron/core/kb/service';

const [dir, lunrDir, mode, question, language] = process.argv.slice(2) as [string, string, 'ours' | 'ours-cold' | 'lunr', string, string];

let search: () => void;
let loadMs: number | undefined;
if (mode === 'lunr') {
  const indexes = languagesFor(question, language, languagesWithIndex(lunrDir)).map((l) =>
    loadIndex(JSON.parse(fs.readFileSync(path.join(lunrDir, indexFileName(l)), 'utf8')) as object),
  );
  search = () => {
    for (const index of indexes) {
      try {
        index.search(question);
      } catch {
        // lunr's query syntax rejects some inputs; the time until it does still counts
      }
    }
  };
} else {
  const building = performance.now();
  const kb = new KbService(dir);
  loadMs = performance.now() - building;
  if (mode === 'ours') await kb.warmUp();
  search = () => kb.search(question, { limit: 12, language });
}
const cpu = process.cpuUsage();
const start = performance.now();
search();
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, loadMs }));
