// The knowledge-base search as the service holds it: the index is read and prepared in the
// background after start-up, so neither start-up nor the first search pays for it. A search that
// arrives before the warm-up has run loads the index on the spot.
import fs from 'node:fs';
import type { KbHit, KbKind } from '@shared/api/kb';
import { searchTokens } from '@shared/search/normalise';
import { DomainError } from '../../rpc/domain-error';
import type { PassageRow } from '../compile/write-database';
import { KbSearch } from './kb-search';
import { readSearchIndex } from './load';

/**
 * Questions run once while warming up: they take each path of a search (an exact word, a typo,
 * a word being typed, Chinese and Thai) so the runtime has compiled it and ICU has loaded its
 * word-break dictionaries, which alone cost tens of milliseconds on first use.
 */
const WARM_UP_QUESTIONS = ['reprisals after meeting a company', 'escalaton', 'special rappor', '人权 สิทธิมนุษยชน'];

const UNREADABLE =
  'The knowledge-base search index in this copy of the app cannot be read. Reinstall the app, or run "npm run build" if you are working from the source code. Browsing the toolkit still works.';

export class KbSearcher {
  private search: KbSearch | null = null;
  private warming: Promise<void> | null = null;

  constructor(
    private readonly indexFile: string,
    private readonly passages: ReadonlyMap<string, PassageRow>,
  ) {}

  find(query: string, options: { kinds?: readonly KbKind[] | undefined; limit: number; language?: string | undefined }): KbHit[] {
    return this.loaded().search(query, options);
  }

  /**
   * Loads and prepares everything a search needs, one step per turn of the event loop so other
   * work (the first page, an unlock) interleaves. Safe to call more than once. Never rejects: an
   * index that cannot be read is reported by the first search instead.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      await nextTurn();
      const search = this.loaded();
      await nextTurn();
      search.prepare();
      await nextTurn();
      searchTokens(WARM_UP_QUESTIONS.join(' '));
      for (const question of WARM_UP_QUESTIONS) {
        await nextTurn();
        search.search(question, { limit: 12 });
      }
    })().catch(() => undefined);
    return this.warming;
  }

  private loaded(): KbSearch {
    if (!this.search) {
      let read: ReturnType<typeof readSearchIndex>;
      try {
        read = readSearchIndex(JSON.parse(fs.readFileSync(this.indexFile, 'utf8')));
      } catch {
        throw new DomainError('UNAVAILABLE', 'kb.searchIndexUnreadable', UNREADABLE);
      }
      this.search = new KbSearch(read.index, read.lexicon, this.passages);
    }
    return this.search;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
