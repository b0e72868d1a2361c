// The copy of a cited file that a partner bundle carries. An image leaves without the GPS position,
// camera, author and times it holds unless the sender chose to keep them; the copy then has a hash
// of its own, which the bundle's evidence links cite and its manifest relates to the original's.
import { readImageMetadata, stripImageMetadata } from '../diary/image-metadata';
import { sha256 } from './archive';
import { DomainError } from '../rpc/domain-error';

export interface SharedCopy {
  data: Uint8Array;
  sha256: string;
  /** The vault's hash of the file this is a copy of, when the copy is not the file itself. */
  originalSha256: string | null;
}

export async function copyForSharing(file: { data: Uint8Array; type: string; sha256: string }, keepImageMetadata: boolean): Promise<SharedCopy> {
  const unchanged = { data: file.data, sha256: file.sha256, originalSha256: null };
  if (keepImageMetadata) return unchanged;
  const found = await readImageMetadata(file.data, file.type);
  // Not an image, or one with nothing to remove: the file goes as it is, and keeps its hash.
  if (!found || (found.complete && found.fields.length === 0)) return unchanged;
  let data: Uint8Array;
  try {
    data = await stripImageMetadata(file.data, file.type);
  } catch {
    throw new DomainError(
      'BAD_FILE',
      'exchange.citedImageNotCleaned',
      'One of the cited images could not be copied without its location, camera and author details, so no bundle was made. Leave cited files out, or keep image metadata if the partner may see it.',
    );
  }
  return { data, sha256: sha256(data), originalSha256: file.sha256 };
}

/**
 * The record with every attachment link that pinned an original now pinning the copy the bundle
 * carries, so the partner can check each cited file against the hash their record prints.
 */
export function citeSharedCopies<T>(record: T, copies: ReadonlyMap<string, string>): T {
  if (copies.size === 0) return record;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([k, v]) => [k, visit(v)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    if (object.kind === 'attachment' && typeof object.hash === 'string' && copies.has(object.hash)) object.hash = copies.get(object.hash);
    return object;
  };
  return visit(record) as T;
}
