// A zip reader for files nobody vouches for. It reads the central directory itself so that every
// name, declared size and offset is checked before a single byte is inflated, then inflates each
// member in small slices and stops the moment it produces more than it declared (zip bombs).
// Deliberately narrow: no zip64, no encryption, no multi-disk, stored or deflate only: the app's
// own writer (fflate) never needs more.
import { Inflate } from 'fflate';
import type { FileKind } from './errors';
import { badFile, tooLarge } from './errors';
import { MAX_DEFLATE_RATIO, type ArchiveLimits } from './limits';

export type MemberClass = 'json' | 'file';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
  localStart: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const INFLATE_SLICE = 16 * 1024;

const nameDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A member name the app could have written: relative, forward slashes, no `.` or `..` segments,
 * plain ASCII. Anything else is refused, whatever the caller would do with it.
 */
export function isSafeMemberName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name)) return false;
  return name.split('/').every((segment) => segment !== '.' && segment !== '..');
}

/**
 * Every member, decompressed, after checking names (safe, unique, expected by `classify`), declared
 * sizes against the limits, and that members neither overlap nor run past the directory.
 */
export function readZip(kind: FileKind, zip: Uint8Array, limits: ArchiveLimits, classify: (name: string) => MemberClass | null): Map<string, Uint8Array> {
  const entries = readDirectory(kind, zip, limits);
  let declaredTotal = 0;
  const names = new Set<string>();
  const classes = new Map<string, MemberClass>();
  for (const entry of entries) {
    if (!isSafeMemberName(entry.name)) throw badFile(kind, 'exchange.unsafeName', 'an item inside it has an unsafe name');
    if (names.has(entry.name)) throw badFile(kind, 'exchange.sameName', 'two items inside it have the same name');
    names.add(entry.name);
    const memberClass = classify(entry.name);
    if (!memberClass) throw badFile(kind, 'exchange.unexpectedItem', 'it holds an item the app does not expect');
    classes.set(entry.name, memberClass);
    const cap = memberClass === 'json' ? limits.jsonBytes : limits.fileMemberBytes;
    if (entry.size > cap) throw tooLarge(kind, 'exchange.itemTooLarge', 'an item inside it is larger than the app accepts');
    declaredTotal += entry.size;
    if (declaredTotal > limits.totalBytes) throw tooLarge(kind, 'exchange.contentsTooLarge', 'its contents are larger than the app accepts');
    if (entry.method === 0 && entry.compressedSize !== entry.size) throw badFile(kind, 'exchange.inconsistentSizes', 'an item inside it has inconsistent sizes');
    if (entry.method === 8 && entry.size > Math.max(1, entry.compressedSize) * MAX_DEFLATE_RATIO) {
      throw badFile(kind, 'exchange.zipBomb', 'an item inside it claims to expand more than real compression can (a "zip bomb")');
    }
  }
  const members = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const raw = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const data = entry.method === 0 ? raw.slice() : inflateBounded(raw, entry.size);
    if (!data) throw badFile(kind, 'exchange.itemDamaged', 'an item inside it is damaged or larger than it claims');
    members.set(entry.name, data);
  }
  return members;
}

function readDirectory(kind: FileKind, zip: Uint8Array, limits: ArchiveLimits): Entry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const damaged = () => badFile(kind, 'exchange.contentsDamaged', 'its contents are damaged');
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (zip.length < 22) throw damaged();

  // The end record is the last 22 bytes plus a comment; the app writes no comment, so none is allowed.
  const eocd = zip.length - 22;
  if (u32(eocd) !== EOCD_SIGNATURE || u16(eocd + 20) !== 0) throw damaged();
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== u16(eocd + 10)) throw damaged();
  const count = u16(eocd + 10);
  const directorySize = u32(eocd + 12);
  const directoryStart = u32(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff) throw tooLarge(kind, 'exchange.zip64', 'it uses a zip extension for huge archives');
  if (count > limits.members) throw tooLarge(kind, 'exchange.tooManyItems', 'it holds more items than the app accepts');
  if (directoryStart + directorySize !== eocd) throw damaged();

  const entries: Entry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL_SIGNATURE) throw damaged();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const localStart = u32(at + 42);
    if (next > eocd) throw damaged();
    if (flags & 1) throw badFile(kind, 'exchange.itemEncrypted', 'an item inside it is separately encrypted');
    if (method !== 0 && method !== 8) throw badFile(kind, 'exchange.unknownCompression', 'an item inside it uses a compression the app does not read');
    if (compressedSize === 0xffffffff || size === 0xffffffff || localStart === 0xffffffff) throw tooLarge(kind, 'exchange.zip64', 'it uses a zip extension for huge archives');
    let name: string;
    try {
      name = nameDecoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw badFile(kind, 'exchange.unsafeName', 'an item inside it has an unsafe name');
    }
    if (localStart + 30 > directoryStart || u32(localStart) !== LOCAL_SIGNATURE) throw damaged();
    const dataStart = localStart + 30 + u16(localStart + 26) + u16(localStart + 28);
    if (dataStart + compressedSize > directoryStart) throw damaged();
    entries.push({ name, method, compressedSize, size, dataStart, localStart });
    at = next;
  }
  if (at !== eocd) throw damaged();

  // Members laid over each other are a classic way to multiply one compressed stream.
  const ordered = [...entries].sort((a, b) => a.localStart - b.localStart);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1]!;
    if (ordered[i]!.localStart < previous.dataStart + previous.compressedSize) throw badFile(kind, 'exchange.itemsOverlap', 'items inside it overlap');
  }
  return entries;
}

/** Inflates into exactly `expected` bytes, or null when the stream is damaged or produces more or less. */
function inflateBounded(compressed: Uint8Array, expected: number): Uint8Array | null {
  if (compressed.length === 0) return null;
  const out = new Uint8Array(expected);
  let written = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > expected) throw new RangeError('member larger than declared');
    out.set(chunk, written);
    written += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let start = 0; start < compressed.length; start += INFLATE_SLICE) {
      const end = Math.min(start + INFLATE_SLICE, compressed.length);
      inflater.push(compressed.subarray(start, end), end === compressed.length);
    }
  } catch {
    return null;
  }
  return finished && written === expected ? out : null;
}
