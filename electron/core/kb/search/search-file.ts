// What one language's search file (index.json, index.<language>.json) holds: everything a search
// reads, worked out at build time in the form the search uses, so that loading a language is one
// JSON.parse and nothing else. lunr builds the index (its BM25 weights, with the field boosts);
// the build turns lunr's serialisation into per-term postings, and the app never holds lunr's form.
import crypto from 'node:crypto';
import type { KbField } from '../lunr-index';
import type { LexiconData } from './lexicon';
import type { Positions } from './snippet';

/**
 * Raised whenever the file's shape changes. A file of another format, or one built from other
 * passages than kb.sqlite holds (a stale index beside a new database), is refused, not misread.
 */
export const SEARCH_FILE_FORMAT = 2;

export type FieldPositions = Partial<Record<KbField, Positions>>;

/** One term's postings: passage numbers ascending, each one's BM25 weight summed over fields, and where it occurs. */
export type StoredPostings = [docs: number[], weights: number[], positions: FieldPositions[]];

export interface SearchFileData {
  format: typeof SEARCH_FILE_FORMAT;
  language: string;
  /** passagesDigest of the passages indexed: the loader compares it with kb.sqlite's. */
  digest: string;
  /** Passage refs; postings name passages by their number here. */
  refs: string[];
  /** Index terms, and each term's postings at the same place. */
  terms: string[];
  postings: StoredPostings[];
  lexicon: LexiconData;
}

export interface IndexedText {
  ref: string;
  title: string;
  heading: string;
  body: string;
}

/** A fingerprint of the text a language's index was built from, in any order. */
export function passagesDigest(passages: Iterable<IndexedText>): string {
  const hash = crypto.createHash('sha256');
  for (const { ref, title, heading, body } of [...passages].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))) {
    hash.update(JSON.stringify([ref, title, heading, body]));
  }
  return hash.digest('hex');
}
