// The knowledge base's passages as the search asks for them: which indexes have any is known at
// start-up from one query that reads no text; a language's passages are read from kb.sqlite when
// its index is first loaded (by the warm-up in the background, or by a search that needs it).
// Turning all eight languages' text into strings at start-up took longer than the rest of the
// start-up together.
import path from 'node:path';
import type { PassageRow } from './compile/write-database';
import { KbStore } from './kb-store';
import { KB_FILES } from './locate';
import { INDEX_ENGLISH, indexKeyOf, languageOfKey } from './search/index-files';
import type { PassageSource } from './search/searcher';

/** kinds: what KbStore.passageKinds read at start-up. */
export function storedPassages(dir: string, kinds: ReadonlyArray<Pick<PassageRow, 'language' | 'kind'>>): PassageSource {
  const keys = new Set([INDEX_ENGLISH, ...kinds.map(indexKeyOf)]);
  const byKey = new Map<string, PassageRow[]>();
  return {
    keys,
    rowsOf(key) {
      if (!byKey.has(key)) {
        // A language's indexes (its guidance, its framework entries) come from one read, kept
        // only once it succeeded: a failed read is tried again by the next search.
        const language = languageOfKey(key);
        const read = new Map<string, PassageRow[]>([[key, []]]);
        for (const row of readPassages(dir, language)) {
          const of = indexKeyOf(row);
          (read.get(of) ?? read.set(of, []).get(of)!).push(row);
        }
        for (const [readKey, rows] of read) byKey.set(readKey, rows);
      }
      return byKey.get(key)!;
    },
  };
}

function readPassages(dir: string, language: string): Iterable<PassageRow> {
  // Opened for this read only: a file held open would be pinned on Windows.
  const store = new KbStore(path.join(dir, KB_FILES.database));
  try {
    return store.passages(language).values();
  } finally {
    store.close();
  }
}
