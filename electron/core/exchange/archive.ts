// The plaintext inside both envelopes is a zip of JSON members and file members. Writing uses
// fflate; reading uses our own checked reader (zip-reader.ts). Members are checked against the
// manifest's SHA-256 by the format modules.
import crypto from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { z } from 'zod';
import { canonicalJson } from '../records/canonical';
import { badFile, type FileKind } from './errors';
import { JSON_PROBLEMS, readJson } from './safe-json';

// A fixed date: a zip's timestamps would otherwise record when the file was made, twice over.
const MTIME = new Date('1980-01-01T00:00:00Z');

export class ArchiveWriter {
  private readonly members: Zippable = {};

  /** Adds canonical JSON and returns its SHA-256, for the manifest. */
  json(name: string, value: unknown): string {
    const bytes = Buffer.from(canonicalJson(value), 'utf8');
    this.members[name] = [bytes, { level: 6, mtime: MTIME }];
    return sha256(bytes);
  }

  /** Adds a file as it is; most attachments (PDF, images) are compressed already. */
  file(name: string, bytes: Uint8Array): void {
    this.members[name] = [bytes, { level: 1, mtime: MTIME }];
  }

  has(name: string): boolean {
    return Object.hasOwn(this.members, name);
  }

  finish(): Uint8Array {
    return zipSync(this.members, { mtime: MTIME });
  }
}

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** A JSON member read with the size and depth bounds, then the schema; the sentence names what failed. */
export function parseMember<S extends z.ZodType>(kind: FileKind, bytes: Uint8Array | undefined, maxBytes: number, schema: S, what: string): z.output<S> {
  if (!bytes) throw badFile(kind, 'exchange.partMissing', `${what} is missing`);
  const json = readJson(bytes, maxBytes);
  if (!json.ok) throw badFile(kind, 'exchange.partUnreadable', `${what} ${JSON_PROBLEMS[json.problem]}`);
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) throw badFile(kind, 'exchange.partMalformed', `${what} is not in the expected form`);
  return parsed.data;
}

/** Checks a member against the SHA-256 its manifest lists. */
export function assertChecksum(kind: FileKind, bytes: Uint8Array | undefined, expected: string, what: string): Uint8Array {
  if (!bytes) throw badFile(kind, 'exchange.partMissing', `${what} is missing`);
  if (sha256(bytes) !== expected) throw badFile(kind, 'exchange.checksumMismatch', `the checksum of ${what} does not match, so it was changed or damaged`);
  return bytes;
}

/** Every member must be one the manifest lists: anything else is smuggled in. */
export function assertOnlyListed(kind: FileKind, members: Map<string, Uint8Array>, listed: Set<string>): void {
  for (const name of members.keys()) if (!listed.has(name)) throw badFile(kind, 'exchange.unlistedItem', 'it holds an item its manifest does not list');
}
