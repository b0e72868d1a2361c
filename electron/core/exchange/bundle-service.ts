// Partner bundles: chosen plans, packages and assessments leave the vault encrypted with a shared
// passphrase; a partner previews what would be added, then imports the new ones as new records
// with their provenance. An import never overwrites or deletes anything, and content already in
// the vault (imported before, or the vault's own record) is skipped.
import crypto from 'node:crypto';
import type { EntityKind } from '../records/revisions';
import type { BundleChoice, BundleKind, BundlePreview, EncryptedFile, ImportResult, Provenance } from '@shared/api/exchange';
import type { IdentityReview } from '@shared/api/export-identity';
import type { IdentityPlace } from '@shared/api/identity';
import { findAttachment } from '../diary/repository';
import type { CheckGroup, ExportIdentityInput, IdentityGate } from '../export-check/gate';
import { isTextFile, textOf } from '../export-check/attachment-copy';
import { mapRecordText, recordPlaces } from '../export-check/record-places';
import { preparedIndex, type RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { ScryptParams } from '../vault/kdf';
import { assertStrongPassphrase } from '../vault/passphrase-strength';
import type { VaultDatabase } from '../vault/open';
import { ArchiveWriter, sha256 as sha256Of } from './archive';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, contentHash, fileMember, MANIFEST, readBundle, recordMember, type BundleItem, type BundleManifest, type ValidatedBundle } from './bundle-format';
import { open, seal } from './container';
import { badFile, tooLarge } from './errors';
import { BUNDLE_LIMITS, MAX_BUNDLE_FILES } from './limits';
import { BUNDLE_REGISTRY, kindSpec, type IdMap } from './record-kinds';
import { citeSharedCopies, copyForSharing, type SharedCopy } from './shared-images';
import * as repo from './repository';
import type { ExchangeProgress, ReportStep } from './progress';

export interface BundleDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  kdf: ScryptParams;
  gate: IdentityGate;
  now: () => Date;
  progress: ExchangeProgress;
}

export interface BundleRequest {
  organisation: string;
  passphrase: string;
  items: Array<{ kind: BundleKind; id: string }>;
  includeCitedFiles: boolean;
  /** Send cited images as they are in the vault, with their GPS position, camera, author and times. */
  keepImageMetadata: boolean;
  identity: ExportIdentityInput;
}

/** A cited file as the bundle carries it, keyed by the hash the evidence link pinned. */
interface CarriedFile extends SharedCopy {
  name: string;
  type: string;
}

/** A chosen record as the bundle would carry it, and its texts for the identity check. */
interface OutgoingRecord {
  kind: BundleKind;
  id: string;
  name: string;
  shared: { id: string; title: string; updatedAt: string };
  group: CheckGroup;
}

const KIND_NAMES: Record<BundleKind, string> = { plan: 'Plan', package: 'Package', assessment: 'Assessment', submission: 'Submission draft' };

/** A bundle item and, when its content is already here, the id of the record that holds it. */
interface PlannedItem extends BundleItem {
  existingId: string | null;
}

const key = (kind: BundleKind, id: string) => `${kind}:${id}`;

export class BundleService {
  constructor(private readonly deps: BundleDeps) {}

  choices(): BundleChoice[] {
    const db = this.deps.database();
    return BUNDLE_REGISTRY.flatMap((spec) => [...spec.list(db)].map((r) => ({ kind: spec.kind, id: r.id, title: r.title, updatedAt: r.updatedAt })));
  }

  /** The bundle exists only in memory until the user saves it, so cancelling at any step is safe. */
  create(request: BundleRequest): Promise<EncryptedFile & { items: number; files: number }> {
    return this.deps.progress.run('bundle', ['read', 'encrypt'], (step) => this.build(request, step));
  }

  private async build(request: BundleRequest, step: ReportStep): Promise<EncryptedFile & { items: number; files: number }> {
    // Whoever copies the file can try passphrases offline as long as they like.
    await assertStrongPassphrase(request.passphrase, 'passphrase', [request.organisation]);
    await step('read');
    const db = this.deps.database();
    const createdAt = this.deps.now().toISOString();
    const outgoing = this.outgoing(db, request.items, request.includeCitedFiles);
    // Nothing is written before every text of every record and every file name passed the check.
    const pass = this.deps.gate.pass(outgoing.map((item) => item.group), request.identity);
    const written: IdentityPlace[] = [];
    // Images leave without their metadata unless the sender keeps it; the records then cite the copies.
    const carried = request.includeCitedFiles ? await this.carriedFiles(db, outgoing, request.keepImageMetadata, pass.apply) : new Map<string, CarriedFile>();
    const copyHashes = new Map([...carried].flatMap(([pinned, file]) => (file.originalSha256 ? [[pinned, file.sha256] as const] : [])));
    const writer = new ArchiveWriter();
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      bundleId: crypto.randomUUID(),
      createdAt,
      organisation: request.organisation,
      items: [],
      files: [],
    };
    for (const item of outgoing) {
      const shared = citeSharedCopies(mapRecordText(item.shared, pass.apply), copyHashes);
      written.push(...recordPlaces(item.name, shared));
      manifest.items.push({ kind: item.kind, id: item.id, sha256: writer.json(recordMember(item.kind, item.id), shared) });
      if (request.includeCitedFiles) this.addCitedFiles(writer, manifest, kindSpec(item.kind).citedFiles(item.shared), carried, pass.apply);
    }
    pass.verify([
      ...written,
      ...manifest.files.map((file) => ({ where: 'Attached file name', text: file.name })),
      ...[...carried.values()].flatMap((file) => (isTextFile(file.name, file.type) ? [{ where: `Attached file "${file.name}"`, text: textOf(file.data) }] : [])),
    ]);
    writer.json(MANIFEST, manifest);
    const zip = writer.finish();
    await step('encrypt');
    const file = await seal('bundle', zip, request.passphrase, this.deps.kdf);
    zip.fill(0);
    if (file.length > BUNDLE_LIMITS.fileBytes) throw tooLarge('bundle', 'exchange.bundleTooLarge', 'the chosen records and files are larger than one bundle can hold; choose fewer files');
    pass.remember();
    return {
      // Like exports, the name says only what kind of file it is and when, not which tool made it.
      fileName: `bundle-${createdAt.slice(0, 10)}.awbundle`,
      mimeType: 'application/octet-stream',
      data: file.toString('base64'),
      items: manifest.items.length,
      files: manifest.files.length,
    };
  }

  /** What the identity check flags in a bundle of these records, before it is made. */
  identityReview(items: BundleRequest['items'], includeCitedFiles: boolean): IdentityReview {
    return this.deps.gate.review(this.outgoing(this.deps.database(), items, includeCitedFiles).map((item) => item.group));
  }

  /** The chosen records as the bundle carries them, each with its texts and cited file names to check. */
  private outgoing(db: VaultDatabase, items: BundleRequest['items'], includeCitedFiles: boolean): OutgoingRecord[] {
    const chosen = new Map(items.map((item) => [key(item.kind, item.id), item]));
    const inBundle = (kind: BundleKind, id: string) => chosen.has(key(kind, id));
    return [...chosen.values()].map(({ kind, id }) => {
      const spec = kindSpec(kind);
      const record = spec.find(db, id);
      if (!record) throw new DomainError('NOT_FOUND', 'exchange.chosenRecordGone', 'One of the chosen records is not in this vault any more. Refresh the list and choose again; nothing was saved.');
      const shared = spec.forBundle(record, inBundle);
      const name = `${KIND_NAMES[kind]} "${record.title}"`;
      const cited = includeCitedFiles ? spec.citedFiles(shared).flatMap(({ attachmentId, sha256 }) => this.citedFile(db, attachmentId, sha256) ?? []) : [];
      const files = cited.flatMap((file) => [
        { where: `${name} · Attached file name`, text: file.name },
        ...(isTextFile(file.name, file.type) ? [{ where: `${name} · Attached file "${file.name}"`, text: textOf(file.data) }] : []),
      ]);
      return { kind, id, name, shared, group: { subject: { kind: `bundle-${kind}`, id }, places: [...recordPlaces(name, shared), ...files] } };
    });
  }

  async preview(data: string, passphrase: string): Promise<BundlePreview> {
    const bundle = await this.read(data, passphrase);
    const planned = this.plan(this.deps.database(), bundle);
    const duplicates = planned.filter((p) => p.existingId !== null).length;
    return {
      bundleId: bundle.manifest.bundleId,
      organisation: bundle.manifest.organisation,
      createdAt: bundle.manifest.createdAt,
      items: planned.map((p) => ({ kind: p.spec.kind, title: p.record.title, duplicate: p.existingId !== null })),
      files: bundle.files.length,
      newItems: planned.length - duplicates,
      duplicates,
    };
  }

  /**
   * Everything is checked before the transaction starts; inside it, records are only added. The
   * last step comes before the transaction, so a cancel at any step leaves the vault untouched.
   */
  import(data: string, passphrase: string): Promise<ImportResult> {
    return this.deps.progress.run('import', ['decrypt', 'index', 'write'], (step) => this.importWith(data, passphrase, step));
  }

  private async importWith(data: string, passphrase: string, step: ReportStep): Promise<ImportResult> {
    await step('decrypt');
    const bundle = await this.read(data, passphrase);
    await step('index');
    // Segmenting unspaced text for search is the slow part of a large import: it happens first, in
    // slices that let a lock or a search through, so the transaction below only writes.
    const toIndex = this.plan(this.deps.database(), bundle).filter((p) => p.existingId === null);
    const index = await preparedIndex(this.deps.index, toIndex.map((p) => p.spec.searchText(p.record)));
    await step('write');
    const db = this.deps.database();
    const at = this.deps.now().toISOString();
    // The last chance to stop: the transaction below is synchronous and all or nothing.
    await step('finished');
    return db.transaction(() => {
      const planned = this.plan(db, bundle);
      const fresh = planned.filter((p) => p.existingId === null);
      const newFiles = bundle.files.filter((f) => !repo.hasFile(db, f.sha256));
      const result: ImportResult = { added: [], duplicates: planned.length - fresh.length, files: newFiles.length };
      if (fresh.length === 0 && newFiles.length === 0) return result;

      const { manifest } = bundle;
      const importKey = repo.insertImport(db, { bundleId: manifest.bundleId, organisation: manifest.organisation, sentAt: manifest.createdAt, importedAt: at });
      const ids = this.idMap(planned);
      for (const item of fresh) {
        const parsed = item.spec.schema.safeParse(item.spec.fromBundle(item.record, ids, at));
        // Rolls back the whole import: records are added all together or not at all.
        if (!parsed.success) throw badFile('bundle', 'exchange.recordDoesNotFit', 'one of its records does not fit this vault');
        const record = parsed.data;
        item.spec.write(db, index, record, at);
        repo.insertProvenance(db, item.spec.entity, record.id, importKey, item.sourceId, item.contentHash);
        result.added.push({ kind: item.spec.kind, id: record.id, title: record.title });
      }
      for (const file of newFiles) repo.insertFile(db, file, importKey);
      return result;
    })();
  }

  provenance(entity: EntityKind, id: string): Provenance | null {
    const db = this.deps.database();
    const row = repo.findProvenance(db, entity, id);
    if (!row) return null;
    const spec = BUNDLE_REGISTRY.find((s) => s.entity === entity);
    const record = spec?.find(db, id);
    const files = record ? spec!.citedFiles(record).flatMap(({ sha256 }) => repo.fileMeta(db, sha256) ?? []) : [];
    return { organisation: row.organisation, bundleId: row.bundleId, sentAt: row.sentAt, importedAt: row.importedAt, files: dedupeBy(files, (f) => f.sha256) };
  }

  readFile(sha256: string): { name: string; type: string; data: string } {
    const file = repo.readFile(this.deps.database(), sha256);
    if (!file) throw new DomainError('NOT_FOUND', 'exchange.fileNotInVault', 'That file is not in this vault.');
    return { name: file.name, type: file.type, data: file.data.toString('base64') };
  }

  private async read(data: string, passphrase: string): Promise<ValidatedBundle> {
    const plaintext = await open('bundle', Buffer.from(data, 'base64'), passphrase, BUNDLE_LIMITS.fileBytes);
    try {
      return readBundle(plaintext);
    } finally {
      plaintext.fill(0);
    }
  }

  /**
   * Which items are already here: the same content imported before (and not deleted since), or the
   * vault's own record (a sender importing their own bundle) whose shared form is identical.
   */
  private plan(db: VaultDatabase, bundle: ValidatedBundle): PlannedItem[] {
    const inBundle = (kind: BundleKind, id: string) => bundle.items.some((i) => i.spec.kind === kind && i.sourceId === id);
    return bundle.items.map((item) => {
      const imported = repo.importedWithContent(db, item.spec.entity, item.contentHash).find((id) => item.spec.find(db, id));
      const own = item.spec.find(db, item.sourceId);
      const ownMatches = own !== undefined && contentHash(item.spec.forBundle(own, inBundle)) === item.contentHash;
      return { ...item, existingId: imported ?? (ownMatches ? item.sourceId : null) };
    });
  }

  /** Fresh ids for new records and their inner ids; duplicates map to the record already here. */
  private idMap(planned: PlannedItem[]): IdMap {
    const ids = new Map<string, string>();
    for (const item of planned) {
      ids.set(item.sourceId, item.existingId ?? crypto.randomUUID());
      if (item.existingId === null) for (const inner of item.spec.innerIds(item.record)) ids.set(inner, crypto.randomUUID());
    }
    return ids;
  }

  /** Only the exact file the evidence link pinned: a later different file under the same id is not it. */
  private citedFile(db: VaultDatabase, attachmentId: string, sha256: string) {
    const attachment = findAttachment(db, attachmentId);
    return attachment?.sha256 === sha256 ? attachment : repo.readFile(db, sha256);
  }

  /** Every cited file once, as the bundle will carry it. */
  private async carriedFiles(db: VaultDatabase, outgoing: OutgoingRecord[], keepImageMetadata: boolean, replace: (text: string) => string): Promise<Map<string, CarriedFile>> {
    const carried = new Map<string, CarriedFile>();
    for (const item of outgoing) {
      for (const { attachmentId, sha256 } of kindSpec(item.kind).citedFiles(item.shared)) {
        if (carried.has(sha256)) continue;
        const file = this.citedFile(db, attachmentId, sha256);
        if (!file) continue;
        carried.set(sha256, { name: file.name, type: file.type, ...replaceInText(file, await copyForSharing({ data: file.data, type: file.type, sha256 }, keepImageMetadata), replace) });
      }
    }
    return carried;
  }

  private addCitedFiles(
    writer: ArchiveWriter,
    manifest: BundleManifest,
    cited: Array<{ sha256: string }>,
    carried: ReadonlyMap<string, CarriedFile>,
    rename: (name: string) => string,
  ): void {
    for (const { sha256 } of cited) {
      const file = carried.get(sha256);
      if (!file || writer.has(fileMember(file.sha256))) continue;
      if (manifest.files.length >= MAX_BUNDLE_FILES) throw tooLarge('bundle', 'exchange.tooManyCitedFiles', `the chosen records cite more than ${MAX_BUNDLE_FILES} files`, { max: MAX_BUNDLE_FILES });
      writer.file(fileMember(file.sha256), file.data);
      manifest.files.push({
        sha256: file.sha256,
        // A copy without image metadata: the evidence's hash in the sender's vault, so both can be checked.
        ...(file.originalSha256 ? { originalSha256: file.originalSha256 } : {}),
        name: rename(file.name).slice(0, 255) || 'file',
        type: file.type.slice(0, 200),
        size: file.data.length,
      });
    }
  }
}

/**
 * A text file with the user's replacements applied, carried as a copy with its own hash (like an
 * image without metadata), so the partner can still check it against what their record cites.
 */
function replaceInText(file: { name: string; type: string }, copy: SharedCopy, replace: (text: string) => string): SharedCopy {
  if (!isTextFile(file.name, file.type)) return copy;
  const text = textOf(copy.data);
  const replaced = replace(text);
  if (replaced === text) return copy;
  const data = Buffer.from(replaced, 'utf8');
  return { data, sha256: sha256Of(data), originalSha256: copy.originalSha256 ?? copy.sha256 };
}

function dedupeBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = keyOf(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
