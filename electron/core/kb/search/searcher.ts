// The knowledge-base search as the service holds it: one index per language, read in the
// background after start-up (English first, then one language per turn of the event loop), so
// neither start-up nor the first search pays for it. A search that needs a language the warm-up
// has not reached yet loads that language's index on the spot.
import fs from 'node:fs';
import path from 'node:path';
import type { KbHit } from '@shared/api/kb';
import { searchTokens } from '@shared/search/normalise';
import { DomainError } from '../../rpc/domain-error';
import type { PassageRow } from '../compile/write-database';
import { INDEX_ENGLISH, INDEX_LANGUAGES, indexFileName } from './index-files';
import { KbSearch } from './kb-search';
import { readSearchIndex } from './load';
import { searchLanguages, type SearchOptions } from './multilingual';
import { passagesDigest } from './search-file';

/** A question no index holds a word of: it takes the path that searches every language. */
const MATCHES_NOTHING = 'zzqxj';

/** Headings per language the warm-up asks (headingsOf). */
const HEADINGS_ASKED = 4;

const UNREADABLE =
  'The knowledge-base search index in this copy of the app cannot be read. Reinstall the app, or run "npm run build" if you are working from the source code. Browsing the toolkit still works.';

export class KbSearcher {
  private readonly searches = new Map<string, KbSearch>();
  /** Languages with passages in kb.sqlite, English first: each must have its index file. */
  private readonly available: string[];
  private readonly passagesIn = new Map<string, PassageRow[]>();
  private warming: Promise<void> | null = null;
  private reads = 0;

  constructor(
    private readonly dir: string,
    private readonly passages: ReadonlyMap<string, PassageRow>,
  ) {
    for (const row of passages.values()) (this.passagesIn.get(row.language) ?? this.passagesIn.set(row.language, []).get(row.language)!).push(row);
    this.available = INDEX_LANGUAGES.filter((language) => language === INDEX_ENGLISH || this.passagesIn.has(language));
  }

  /** How many index files this searcher has parsed, for tests: each language's once, by the warm-up. */
  get indexReads(): number {
    return this.reads;
  }

  find(query: string, options: SearchOptions): KbHit[] {
    return searchLanguages(query, options, this.available, (language) => this.loaded(language));
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
          const text = await fs.promises.readFile(this.fileOf(language), 'utf8');
          await nextTurn();
          // A search may have needed this language in the meantime and loaded it already.
          if (!this.searches.has(language)) this.adopt(language, this.parse(language, text));
          const question = this.searches.get(language)!.warmUpQuestion();
          await nextTurn();
          searchTokens(question);
          for (const asked of [question, ...this.headingsOf(language)]) {
            await nextTurn();
            this.find(asked, { limit: 12, language });
          }
        } catch {
          // Reported to the search that needs this language; the others still warm up.
        }
      }
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
   * A few of the language's own headings, spread over its passages: asked after the lexicon's
   * question, they take the path most questions take (every word found, words side by side), often
   * enough that the runtime optimises it rather than interpreting it on a person's first question.
   */
  private headingsOf(language: string): string[] {
    const rows = (this.passagesIn.get(language) ?? []).filter((row) => row.heading !== '');
    const count = Math.min(HEADINGS_ASKED, rows.length);
    return Array.from({ length: count }, (_, k) => rows[Math.floor((k * rows.length) / count)]!.heading);
  }

  /**
   * What is wrong with the index files, one sentence per file (none when every language's file
   * is there and was built from the passages kb.sqlite holds). The build runs this on what it wrote.
   */
  problems(): string[] {
    const out: string[] = [];
    for (const language of this.available) {
      try {
        this.read(language);
      } catch (error) {
        out.push(`${indexFileName(language)}: ${(error as Error).message}`);
      }
    }
    return out;
  }

  private loaded(language: string): KbSearch {
    let search = this.searches.get(language);
    if (!search) {
      try {
        search = this.adopt(language, this.read(language));
      } catch {
        throw new DomainError('UNAVAILABLE', 'kb.searchIndexUnreadable', UNREADABLE);
      }
    }
    return search;
  }

  private adopt(language: string, read: ReturnType<typeof readSearchIndex>): KbSearch {
    const search = new KbSearch(read.index, read.lexicon, this.passages, language);
    this.searches.set(language, search);
    return search;
  }

  private fileOf(language: string): string {
    return path.join(this.dir, indexFileName(language));
  }

  private read(language: string): ReturnType<typeof readSearchIndex> {
    if (!fs.existsSync(this.fileOf(language))) throw new Error('missing; kb.sqlite has passages in this language.');
    return this.parse(language, fs.readFileSync(this.fileOf(language), 'utf8'));
  }

  /** Every index read ends here, counted, and checked against the passages kb.sqlite holds. */
  private parse(language: string, text: string): ReturnType<typeof readSearchIndex> {
    this.reads++;
    return readSearchIndex(JSON.parse(text), passagesDigest(this.passagesIn.get(language) ?? []));
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
