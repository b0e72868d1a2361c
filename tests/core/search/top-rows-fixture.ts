// The vault the top-rows tests search: generated notes whose words follow a skewed law, the
// queries they ask, and the check that an answer is the full bm25 ranking's.
import { expect } from 'vitest';
import { matchExpression } from '../../../electron/core/records/search-index';
import { recordIndex } from '../../../electron/core/search/record-texts';
import type { VaultDatabase } from '../../../electron/core/vault/open';

// Words with very different frequencies, Vietnamese with and without đ, Thai and Chinese.
export const WORDS = [
  'removal', 'removals', 'account', 'accountability', 'appeal', 'journalist', 'order', 'court', 'spyware', 'phishing',
  'gỡ', 'bỏ', 'nội', 'dung', 'đường', 'dây', 'nóng', 'ถูก', 'ลบ', '封禁', '人权', 'rare', 'platform', 'content',
];

export function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Texts whose words follow a skewed law, with lengths from a few words to a few hundred. */
function noteText(random: () => number): { title: string; body: string } {
  const pick = () => WORDS[Math.floor(WORDS.length * random() ** 2)]!;
  const title = Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join(' ');
  const body = Array.from({ length: 3 + Math.floor(random() ** 3 * 300) }, pick).join(' ');
  return { title, body };
}

export const QUERIES = [
  'removal', 'remov', 'account', 'acc', 'journalist appeal', 'court order', 'spyware', 'go bo noi dung', 'gỡ bỏ', 'duong day',
  'dung', 'ถูกลบ', '人权', 'platform content', 'rare', 'phishing platform', 'zzqx',
];

/** The full ranking's bm25 for every match of `q`, by entity id. */
function fullScores(db: VaultDatabase, q: string): Map<string, number> {
  const rows = db
    .prepare(`SELECT r.entity_id AS id, bm25(record_search, 5.0, 1.0) AS score FROM record_search s JOIN record_search_rows r ON r.row = s.rowid WHERE record_search MATCH ?`)
    .all(matchExpression(q)) as Array<{ id: string; score: number }>;
  return new Map(rows.map((row) => [row.id, row.score]));
}

/** The search's answer must be the full ranking's top rows: the same scores, in the same order (ties may swap rows of equal score). */
export function expectFullRankingIn(db: VaultDatabase, q: string, limit: number): void {
  const scores = fullScores(db, q);
  const expected = [...scores.values()].sort((a, b) => a - b).slice(0, limit);
  const hits = recordIndex.search(db, q, limit);
  expect(hits.map((hit) => scores.get(hit.id)), q).toEqual(expected);
}

let next = 0;
/** Indexes `count` generated notes in one transaction; their ids. */
export function addNotesTo(db: VaultDatabase, count: number, random: () => number): string[] {
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `note-${next++}`;
      const { title, body } = noteText(random);
      recordIndex.put(db, 'note', id, title, [body], null);
      ids.push(id);
    }
  })();
  return ids;
}
