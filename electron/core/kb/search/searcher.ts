// The knowledge-base search as the service holds it: one index per language (and one for each
// translation's framework entries, index-files.ts), read in the background after start-up (English
// first, then one index per turn of the event loop), so neither start-up nor the first search pays
// for it. A search that needs an index the warm-up has not reached yet loads it on the spot.
import fs from 'node:fs';
import path from 'node:path';
import type { KbHit } from '@shared/api/kb';
import { searchTokens } from '@shared/search/normalise';
import { DomainError } from '../../rpc/domain-error';
import type { PassageRow } from '../compile/write-database';
import { INDEX_ENGLISH, INDEX_LANGUAGES, indexFileName, indexKeyOf, languageOfKey } from './index-files';
import { KbSearch } from './kb-search';
import { readSearchIndex } from './load';
import { searchLanguages, type SearchOptions } from './multilingual';
import { passagesDigest } from './search-file';

/** A question no index holds a word of: it takes the path that searches every language. */
const MATCHES_NOTHING = 'zzqxj';

/**
 * Headings per language the warm-up asks (headingsOf). With 4, a first question in a fresh process
 * still ran partly unoptimised (wall p95 12 ms over 24 fresh processes, every language); with 12,
 * 3.2 ms; with 30, 1.8 ms, for about 0.3 s more of background work spread over one turn per question.
 */
const HEADINGS_ASKED = 30;

/**
 * The passages behind each index: every one at hand (the build's check and the tests pass a Map),
 * or read from kb.sqlite one language at a time when its index is first loaded (stored-passages.ts),
 * so that start-up turns none of their text into strings.
 */
export interface PassageSource {
  /** The index keys that have passages, English always among them. */
  readonly keys: ReadonlySet<string>;
  /** One index key's passages; the same array each time. */
  rowsOf(key: string): PassageRow[];
}

const UNREADABLE =
  'The knowledge-base search index in this copy of the app cannot be read. Reinstall the app, or run "npm run build" if you are working from the source code. Browsing the toolkit still works.';

export class KbSearcher {
  private readonly searches = new Map<string, KbSearch>();
  /** Languages with passages in kb.sqlite, English first. */
  private readonly available: string[];
  /** Passages per index key: each key must have its index file. */
  private readonly passagesIn: PassageSource;
  private warming: Promise<void> | null = null;
  private reads = 0;

  constructor(
    private readonly dir: string,
    passages: ReadonlyMap<string, PassageRow> | PassageSource,
  ) {
    this.passagesIn = 'rowsOf' in passages ? passages : inMemory(passages);
    this.available = INDEX_LANGUAGES.filter((language) => this.keysOf(language).length > 0);
  }

  /** How many index files this searcher has parsed, for tests: each language's once, by the warm-up. */
  get indexReads(): number {
    return this.reads;
  }

  find(query: string, options: SearchOptions): KbHit[] {
    return searchLanguages(query, options, this.available, (language) => this.keysOf(language).map((key) => this.loaded(key)));
  }

  /**
   * Loads every language's index and sends a throwaway question in its own words through the
   * same path a person's question takes (planning with typos and completions, ranking, merging
   * languages, snippets), so the runtime has compiled all of it and ICU has loaded the script's
   * word-break dictionary (tens of milliseconds on first use) before anyone searches. Each file is
   * read without blocking, and parsing it, cutting the question into words and searching each
   * take a turn of the event loop of their own, so other work (the first page, an unlock)
   * interleaves. Safe to call more than once. Never rejects: an index that cannot be read is
   * reported by the first search that needs it instead. The last step asks a question nothing
   * matches, which searches every language: the path a question takes when its own languages
   * have no answer.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      for (const language of this.available) {
        try {
          // A language's indexes are all read before its questions, which search every one of them.
          for (const key of this.keysOf(language)) {
            // The passages (read from kb.sqlite on first use) in a turn of their own.
            await nextTurn();
            this.passagesIn.rowsOf(key);
            const text = await fs.promises.readFile(this.fileOf(key), 'utf8');
            await nextTurn();
            // A search may have needed this index in the meantime and loaded it already.
            if (!this.searches.has(key)) this.adopt(key, this.parse(key, text));
          }
          const questions = this.keysOf(language).map((key) => this.searches.get(key)!.warmUpQuestion());
          await nextTurn();
          searchTokens(questions[0]!);
          for (const asked of [...questions, ...this.headingsOf(language)]) {
            await nextTurn();
            this.find(asked, { limit: 12, language });
          }
        } catch {
          // Reported to the search that needs this language; the others still warm up.
        }
      }
      await nextTurn();
      // Typo corrections one edit apart are put in order with localeCompare, whose first call
      // loads ICU's collation data (17 to 30 ms measured); the warm-up's own typos rarely have two
      // corrections at one distance, so a person's would have paid for it.
      'a'.localeCompare('b');
      await nextTurn();
      try {
        this.find(MATCHES_NOTHING, { limit: 12 });
      } catch {
        // As above: a language that cannot be read is reported when a search needs it.
      }
    })();
    return this.warming;
  }

  /**
   * Some of the language's own headings, spread over its passages: asked after the lexicon's
   * question, they take the path most questions take (every word found, words side by side), often
   * enough that the runtime optimises it rather than interpreting it on a person's first question.
   */
  private headingsOf(language: string): string[] {
    const rows = this.passagesIn.rowsOf(language).filter((row) => row.heading !== '');
    const count = Math.min(HEADINGS_ASKED, rows.length);
    return Array.from({ length: count }, (_, k) => rows[Math.floor((k * rows.length) / count)]!.heading);
  }

  /**
   * What is wrong with the index files, one sentence per file (none when every language's file
   * is there and was built from the passages kb.sqlite holds). The build runs this on what it wrote.
   */
  problems(): string[] {
    const out: string[] = [];
    for (const key of this.available.flatMap((language) => this.keysOf(language))) {
      try {
        this.read(key);
      } catch (error) {
        out.push(`${indexFileName(key)}: ${(error as Error).message}`);
      }
    }
    return out;
  }

  /** The index keys of a language: its own, and its framework entries' where it has any. */
  private keysOf(language: string): string[] {
    return [language, `${language}.frameworks`].filter((key) => this.passagesIn.keys.has(key));
  }

  private loaded(key: string): KbSearch {
    let search = this.searches.get(key);
    if (!search) {
      try {
        search = this.adopt(key, this.read(key));
      } catch {
        throw new DomainError('UNAVAILABLE', 'kb.searchIndexUnreadable', UNREADABLE);
      }
    }
    return search;
  }

  private adopt(key: string, read: ReturnType<typeof readSearchIndex>): KbSearch {
    const language = languageOfKey(key);
    const rows = this.passagesIn.rowsOf(key);
    const search = new KbSearch(read.index, read.lexicon, new Map(rows.map((row) => [row.ref, row])), language, key !== language);
    this.searches.set(key, search);
    return search;
  }

  private fileOf(key: string): string {
    return path.join(this.dir, indexFileName(key));
  }

  private read(key: string): ReturnType<typeof readSearchIndex> {
    if (!fs.existsSync(this.fileOf(key))) throw new Error('missing; kb.sqlite has passages for this index.');
    return this.parse(key, fs.readFileSync(this.fileOf(key), 'utf8'));
  }

  /** Every index read ends here, counted, and checked against the passages kb.sqlite holds. */
  private parse(key: string, text: string): ReturnType<typeof readSearchIndex> {
    this.reads++;
    return readSearchIndex(JSON.parse(text), passagesDigest(this.passagesIn.rowsOf(key)));
  }
}

/** Passages already read, grouped by the index they belong to. */
function inMemory(passages: ReadonlyMap<string, PassageRow>): PassageSource {
  const byKey = new Map<string, PassageRow[]>([[INDEX_ENGLISH, []]]);
  for (const row of passages.values()) {
    const key = indexKeyOf(row);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(row);
  }
  return { keys: new Set(byKey.keys()), rowsOf: (key) => byKey.get(key) ?? [] };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
