// Keyset cursors: the sort key of the last row a page showed, so the next page starts right after
// it with an index seek (an offset would walk every row before it). Opaque to the renderer.
import { DomainError } from '../rpc/domain-error';

export function encodeCursor(keys: readonly string[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** The keys inside a cursor, checked to be `length` strings; anything else is a stale or forged cursor. */
export function decodeCursor(cursor: string, length: number): string[] {
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    keys = null;
  }
  if (!Array.isArray(keys) || keys.length !== length || !keys.every((key) => typeof key === 'string')) throw staleListPosition();
  return keys as string[];
}

/** The answer to a cursor that is forged, from another sort, or whose row has no place in the list any more. */
export function staleListPosition(): DomainError {
  return new DomainError('INVALID_INPUT', 'diary.staleListPosition', 'This list position is out of date. Reload the list.');
}
