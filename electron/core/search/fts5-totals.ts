// FTS5's totals record of the record search index (the row of record_search_data with id 1):
// the row count and each column's token count, which bm25 divides by. Read as FTS5 writes it.
import type { VaultDatabase } from '../vault/open';

/** Rows in the index and their average length in tokens, from FTS5's own totals record. */
export function averages(db: VaultDatabase): { nRow: number; avgdl: number } {
  return averagesOf(totalsBlock(db));
}

/** FTS5's totals record: the row count and each column's token count. */
export function totalsBlock(db: VaultDatabase): Uint8Array | undefined {
  return db.prepare('SELECT block FROM record_search_data WHERE id = 1').pluck().get() as Uint8Array | undefined;
}

export function averagesOf(block: Uint8Array | undefined | null): { nRow: number; avgdl: number } {
  if (!block) return { nRow: 0, avgdl: 1 };
  const values: number[] = [];
  for (let at = 0; at < block.length; ) {
    const [value, length] = readVarint(block, at);
    values.push(value);
    at += length;
  }
  const [nRow = 0, ...columns] = values;
  const tokens = columns.reduce((sum, n) => sum + n, 0);
  return { nRow, avgdl: nRow > 0 ? tokens / nRow : 1 };
}

/** SQLite's varint: big-endian groups of 7 bits, the ninth byte whole. */
function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[at + i]!;
    if (i === 8) return [value * 256 + byte, 9];
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return [value, 9];
}
