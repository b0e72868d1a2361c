// The knowledge-base search as the service holds it: one index per language, read and prepared
// in the background after start-up (English first, then one language per turn of the event loop),
// so neither start-up nor the first search pays for it. A search that needs a language the
// warm-up has not reached yet loads that language's index on the spot.
import fs from 'node:fs';
import path from 'node:path';
import type { KbHit } from '@shared/api/kb';
import { searchTokens } from '@shared/search/normalise';
import { DomainError } from '../../rpc/domain-error';
import type { PassageRow } from '../compile/write-database';
import { indexFileName, languagesWithIndex } from './index-files';
import { KbSearch } from './kb-search';
import { readSearchIndex } from './load';
import { searchLanguages, type SearchOptions } from './multilingual';

/**
 * Questions run once per language while warming up: they take each path of a search (an exact
 * word, a typo, a word being typed, Chinese and Thai) so the runtime has compiled it and ICU has
 * loaded its word-break dictionaries, which alone cost tens of milliseconds on first use.
 */
const WARM_UP_QUESTIONS = ['reprisals after meeting a company', 'escalaton', 'special rappor', '人权 สิทธิมนุษยชน'];

const UNREADABLE =
  'The knowledge-base search index in this copy of the app cannot be read. Reinstall the app, or run "npm run build" if you are working from the source code. Browsing the toolkit still works.';

export class KbSearcher {
  private readonly searches = new Map<string, KbSearch>();
  private available: string[] | null = null;
  private warming: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    private readonly passages: ReadonlyMap<string, PassageRow>,
  ) {}

  find(query: string, options: SearchOptions): KbHit[] {
    return searchLanguages(query, options, this.languages(), (language) => this.loaded(language));
  }

  /**
   * Loads and prepares every language's index, one step per turn of the event loop so other work
   * (the first page, an unlock) interleaves. Safe to call more than once. Never rejects: an index
   * that cannot be read is reported by the first search that needs it instead.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      await nextTurn();
      searchTokens(WARM_UP_QUESTIONS.join(' '));
      for (const language of this.languages()) {
        await nextTurn();
        const search = this.loaded(language);
        await nextTurn();
        search.prepare();
        for (const question of WARM_UP_QUESTIONS) {
          await nextTurn();
          search.rank(question, null);
        }
      }
    })().catch(() => undefined);
    return this.warming;
  }

  private languages(): string[] {
    return (this.available ??= languagesWithIndex(this.dir));
  }

  private loaded(language: string): KbSearch {
    let search = this.searches.get(language);
    if (!search) {
      let read: ReturnType<typeof readSearchIndex>;
      try {
        read = readSearchIndex(JSON.parse(fs.readFileSync(path.join(this.dir, indexFileName(language)), 'utf8')));
      } catch {
        throw new DomainError('UNAVAILABLE', 'kb.searchIndexUnreadable', UNREADABLE);
      }
      search = new KbSearch(read.index, read.lexicon, this.passages, language);
      this.searches.set(language, search);
    }
    return search;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
