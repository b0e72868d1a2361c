// "Save a copy" of a diary attachment or of a file a partner sent: a file that leaves the vault like
// any export, so it passes the same identity check (its name when the copy keeps it, and its words
// when it is text), and an image loses its location, camera and author details unless the user
// keeps them.
import type { ExportFile } from '@shared/api/plans';
import type { IdentityReview } from '@shared/api/export-identity';
import type { IdentityPlace } from '@shared/api/identity';
import { findAttachment } from '../diary/repository';
import { readFile as readPartnerFile } from '../exchange/repository';
import { fileBaseName } from '../exports/render';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { FILE_NAME_PLACE } from './checked-exporter';
import type { ExportIdentityInput, IdentityGate } from './gate';

export const FILE_CONTENT_PLACE = 'File content';

const NOT_FOUND = 'That attachment is not in this vault. It may have been removed.';
const PARTNER_FILE_NOT_FOUND = 'That file is not in this vault.';
const TEXT_TYPES = /^(text\/|application\/(json|xml|csv|x-csv|markdown|x-markdown|yaml|x-yaml|rtf)\b|[^;]*\+(json|xml)\b)/i;
const TEXT_EXTENSIONS = new Set(['txt', 'md', 'markdown', 'csv', 'tsv', 'json', 'xml', 'html', 'htm', 'yaml', 'yml', 'log', 'rtf']);

export interface AttachmentCopyDeps {
  database: () => VaultDatabase;
  gate: IdentityGate;
  /** Removes image metadata from a copy; refuses an image it cannot clean. */
  stripImageMetadata: (bytes: Uint8Array, type: string) => Promise<Uint8Array>;
  now: () => Date;
}

/** A diary attachment by id, or a file received in a partner bundle by its hash. */
export type CopySource = { kind: 'attachment'; id: string } | { kind: 'partner-file'; sha256: string };

interface Copy {
  name: string;
  type: string;
  bytes: Buffer;
  /** The words of a text file, checked and changed; null for other files. */
  text: string | null;
}

export class AttachmentCopies {
  constructor(private readonly deps: AttachmentCopyDeps) {}

  review(source: CopySource, descriptiveName: boolean): IdentityReview {
    return this.deps.gate.review([{ subject: subjectOf(source), places: places(this.read(source), descriptiveName) }]);
  }

  async export(source: CopySource, identity: ExportIdentityInput, stripMetadata: boolean, descriptiveName: boolean): Promise<ExportFile> {
    const copy = this.read(source);
    const pass = this.deps.gate.pass([{ subject: subjectOf(source), places: places(copy, descriptiveName) }], identity);
    const name = descriptiveName ? pass.apply(copy.name) : copy.name;
    const text = copy.text === null ? null : pass.apply(copy.text);
    pass.verify(places({ ...copy, name, text }, descriptiveName));
    let bytes: Uint8Array = text === null || text === copy.text ? copy.bytes : Buffer.from(text, 'utf8');
    if (stripMetadata && copy.type.toLowerCase().startsWith('image/')) bytes = await this.deps.stripImageMetadata(bytes, copy.type);
    const extension = extensionOf(copy.name);
    const base = descriptiveName ? fileBaseName(withoutExtension(name)) : `attachment-${this.deps.now().toISOString().slice(0, 10)}`;
    const file = { fileName: extension ? `${base}.${extension}` : base, mimeType: copy.type || 'application/octet-stream', data: Buffer.from(bytes).toString('base64') };
    pass.remember();
    return file;
  }

  private read(source: CopySource): Copy {
    const db = this.deps.database();
    const file = source.kind === 'attachment' ? findAttachment(db, source.id) : readPartnerFile(db, source.sha256);
    if (!file) throw new DomainError('NOT_FOUND', source.kind === 'attachment' ? 'exportCheck.attachmentGone' : 'exportCheck.partnerFileGone', source.kind === 'attachment' ? NOT_FOUND : PARTNER_FILE_NOT_FOUND);
    return { name: file.name, type: file.type, bytes: file.data, text: isTextFile(file.name, file.type) ? textOf(file.data) : null };
  }
}

/** Whose remembered decisions these are. A partner's file is never deleted, so neither are its decisions. */
const subjectOf = (source: CopySource) => (source.kind === 'attachment' ? { kind: 'attachment', id: source.id } : { kind: 'partner-file', id: source.sha256 });

/** Text-like files (by type or, for files added without one, by extension), whose words are checked. */
export function isTextFile(name: string, type: string): boolean {
  return TEXT_TYPES.test(type) || TEXT_EXTENSIONS.has(extensionOf(name));
}

export const textOf = (data: Uint8Array): string => new TextDecoder('utf-8').decode(data);

function places(copy: Pick<Copy, 'name' | 'text'>, descriptiveName: boolean): IdentityPlace[] {
  const out: IdentityPlace[] = [];
  // A neutral name leaves the original name behind, so only a kept name is checked.
  if (descriptiveName) out.push({ where: FILE_NAME_PLACE, text: copy.name });
  if (copy.text?.trim()) out.push({ where: FILE_CONTENT_PLACE, text: copy.text });
  return out;
}

/** "csv" for "cases.CSV"; '' when the name has none or only an odd one (kept out of the neutral name). */
function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

function withoutExtension(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,10}$/, '');
}
