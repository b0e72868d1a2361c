import type { KbKind } from '@shared/api/kb';
import type { SearchKind, searchMethods } from '@shared/api/search';
import type { z } from 'zod';
import type { KbService } from '../kb/service';
import type { RecordIndex } from '../records/search-index';
import type { VaultDatabase } from '../vault/open';

type Output = z.output<(typeof searchMethods)['search.all']['output']>;

export interface SearchAllDeps {
  kb: KbService;
  index: RecordIndex;
  /** The open vault's database, or null while locked. */
  openDatabase: () => VaultDatabase | null;
}

/** The knowledge base and, if a vault is open, the user's records, each ranked by its own engine. */
export function searchAll(deps: SearchAllDeps, q: string, kinds: SearchKind[] | undefined, limit: number, language?: string): Output {
  const query = q.trim();
  const wanted = (kind: SearchKind) => !kinds || kinds.length === 0 || kinds.includes(kind);
  const kbKinds = (kinds ?? []).filter((kind): kind is KbKind => kind !== 'record');
  const searchKb = !kinds || kinds.length === 0 || kbKinds.length > 0;
  const kb = query && searchKb ? deps.kb.search(query, { kinds: kbKinds.length ? kbKinds : undefined, limit, ...(language && { language }) }).hits : [];
  const db = deps.openDatabase();
  const records = query && db && wanted('record') ? deps.index.search(db, query, limit) : [];
  return { kb, records, recordsSearched: db !== null, first: firstGroup(kb, records.length) };
}

/**
 * Which group answers better. The record search has no typo tolerance or synonyms: a record it
 * finds holds every word typed, exactly or with diacritics folded ("nghi dinh" for "Nghị định"),
 * the last one possibly still being typed. Such a record beats knowledge-base passages that only
 * matched through a synonym, a completion or a typo correction; against an exact passage the
 * knowledge base keeps its place, as the box has always shown it.
 */
function firstGroup(kb: Output['kb'], recordCount: number): Output['first'] {
  if (recordCount === 0) return 'kb';
  return kb.some((hit) => hit.match === 'exact') ? 'kb' : 'records';
}
