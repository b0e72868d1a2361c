// A partner bundle: a manifest (who sent it, when, which records with which checksums), each record
// as canonical JSON, and any evidence files the sender chose to include, named by SHA-256.
import { z } from 'zod';
import { Id } from '@shared/api/diary';
import { BundleKind } from '@shared/api/exchange';
import { canonicalJson } from '../records/canonical';
import { assertChecksum, assertOnlyListed, parseMember, sha256 } from './archive';
import { badFile } from './errors';
import { BUNDLE_LIMITS, MAX_BUNDLE_FILES, MAX_BUNDLE_ITEMS } from './limits';
import { kindSpec, type AnyKindSpec } from './record-kinds';
import { readZip, type MemberClass } from './zip-reader';

export const BUNDLE_FORMAT = 'advocacy-workbench-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const BundleManifest = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  bundleId: Id,
  createdAt: z.iso.datetime({ offset: true }),
  organisation: z.string().trim().min(1).max(200),
  items: z.array(z.strictObject({ kind: BundleKind, id: Id, sha256: Sha256 })).min(1).max(MAX_BUNDLE_ITEMS),
  files: z
    .array(
      z.strictObject({
        sha256: Sha256,
        /** Set when the file is a copy made for sharing (an image without its metadata): the hash of the file in the sender's vault. */
        originalSha256: Sha256.optional(),
        name: z.string().trim().min(1).max(255),
        type: z.string().max(200),
        size: z.number().int().min(0).max(BUNDLE_LIMITS.fileMemberBytes),
      }),
    )
    .max(MAX_BUNDLE_FILES),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

export const recordMember = (kind: BundleKind, id: string): string => `records/${kind}/${id}.json`;
export const fileMember = (hash: string): string => `files/${hash}`;

function classify(name: string): MemberClass | null {
  if (name === MANIFEST || /^records\/[a-z]+\/[0-9a-f-]{36}\.json$/.test(name)) return 'json';
  if (/^files\/[0-9a-f]{64}$/.test(name)) return 'file';
  return null;
}

export interface BundleItem {
  spec: AnyKindSpec;
  sourceId: string;
  record: { id: string; title: string; updatedAt: string };
  /** SHA-256 of the record's canonical JSON: equal content, equal hash, whoever sent it. */
  contentHash: string;
}

export interface BundleFile {
  sha256: string;
  name: string;
  type: string;
  data: Uint8Array;
}

export interface ValidatedBundle {
  manifest: BundleManifest;
  items: BundleItem[];
  files: BundleFile[];
}

export const contentHash = (record: unknown): string => sha256(Buffer.from(canonicalJson(record), 'utf8'));

/** The decrypted zip → a bundle whose every record passed its schema and every member its checksum. */
export function readBundle(zip: Uint8Array): ValidatedBundle {
  const members = readZip('bundle', zip, BUNDLE_LIMITS, classify);
  const manifest = parseMember('bundle', members.get(MANIFEST), BUNDLE_LIMITS.jsonBytes, BundleManifest, 'its manifest');
  const listed = new Set([MANIFEST]);

  const items: BundleItem[] = [];
  for (const item of manifest.items) {
    const name = recordMember(item.kind, item.id);
    if (listed.has(name)) throw badFile('bundle', 'exchange.recordTwice', 'it lists the same record twice');
    listed.add(name);
    const spec = kindSpec(item.kind);
    const bytes = assertChecksum('bundle', members.get(name), item.sha256, 'one of its records');
    const record = parseMember('bundle', bytes, BUNDLE_LIMITS.jsonBytes, spec.schema, 'one of its records');
    if (record.id !== item.id) throw badFile('bundle', 'exchange.recordId', 'one of its records does not carry the id its manifest gives');
    items.push({ spec, sourceId: item.id, record, contentHash: contentHash(record) });
  }

  const files: BundleFile[] = [];
  for (const file of manifest.files) {
    const name = fileMember(file.sha256);
    if (listed.has(name)) throw badFile('bundle', 'exchange.fileTwice', 'it lists the same file twice');
    listed.add(name);
    const data = assertChecksum('bundle', members.get(name), file.sha256, 'one of its files');
    if (data.length !== file.size) throw badFile('bundle', 'exchange.fileSize', 'one of its files has a different size than its manifest says');
    files.push({ sha256: file.sha256, name: file.name, type: file.type, data });
  }
  assertOnlyListed('bundle', members, listed);
  return { manifest, items, files };
}
