// Full backup files of a vault and encrypted bundles for partner organisations. Files cross the
// boundary as base64; core never writes them anywhere but into a new encrypted vault.
import { z } from 'zod';
import { EntityKind, Id } from './diary';
import { ExportIdentity } from './export-identity';
import { PASSPHRASE_MIN_LENGTH, VaultSummary } from './vault';

/** The largest backup file accepted (and made); the browser-mode bridge caps requests lower. */
export const MAX_BACKUP_FILE_BYTES = 256 * 1024 * 1024;
/** The largest partner bundle accepted (and made). */
export const MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024;

const base64Of = (bytes: number, what: string) =>
  z.string().min(1, `Choose ${what} first.`).max(Math.ceil(bytes / 3) * 4 + 4, `That file is larger than ${bytes / 1024 / 1024} MB, the most the app accepts for ${what}.`);

const Passphrase = z.string().min(1, 'Enter the passphrase of the file.').max(1024);
const NewPassphrase = z.string().min(PASSPHRASE_MIN_LENGTH, `Use at least ${PASSPHRASE_MIN_LENGTH} characters.`).max(1024);
const IsoDateTime = z.iso.datetime({ offset: true });

/** Record kinds a partner bundle can carry; one registry entry each in core/exchange. */
export const BUNDLE_KINDS = ['plan', 'package', 'assessment', 'submission'] as const;
export const BundleKind = z.enum(BUNDLE_KINDS);
export type BundleKind = z.infer<typeof BundleKind>;

/** A file to hand to the save dialog: already encrypted. */
export const EncryptedFile = z.object({ fileName: z.string(), mimeType: z.string(), data: z.string() });
export type EncryptedFile = z.infer<typeof EncryptedFile>;

export const BackupReport = z.object({
  formatVersion: z.number(),
  schemaVersion: z.number(),
  createdAt: IsoDateTime,
  /** Rows per table, as the manifest lists and the checks counted them. */
  tables: z.record(z.string(), z.number()),
  records: z.object({ companies: z.number(), engagements: z.number(), plans: z.number(), packages: z.number(), assessments: z.number(), notes: z.number(), submissions: z.number() }),
  revisions: z.number(),
  attachments: z.number(),
  /** Checksums compared: every table part and every file. */
  checksums: z.number(),
  /** The head of the revision chain; null for a vault without records. */
  headHash: z.string().nullable(),
  /** Whether the revision chain re-walked cleanly and every record matches its last revision. */
  historyVerified: z.boolean(),
});
export type BackupReport = z.infer<typeof BackupReport>;

export const BundleChoice = z.object({ kind: BundleKind, id: Id, title: z.string(), updatedAt: IsoDateTime });
export type BundleChoice = z.infer<typeof BundleChoice>;

export const PreviewItem = z.object({
  kind: BundleKind,
  title: z.string(),
  /** Already in this vault (the same content was imported before, or is the vault's own record). */
  duplicate: z.boolean(),
});
export type PreviewItem = z.infer<typeof PreviewItem>;

export const BundlePreview = z.object({
  bundleId: Id,
  organisation: z.string(),
  createdAt: IsoDateTime,
  items: z.array(PreviewItem),
  files: z.number(),
  newItems: z.number(),
  duplicates: z.number(),
});
export type BundlePreview = z.infer<typeof BundlePreview>;

export const ImportResult = z.object({ added: z.array(z.object({ kind: BundleKind, id: Id, title: z.string() })), duplicates: z.number(), files: z.number() });
export type ImportResult = z.infer<typeof ImportResult>;

export const Provenance = z.object({
  organisation: z.string(),
  bundleId: Id,
  /** When the sender made the bundle, and when this vault imported it. */
  sentAt: IsoDateTime,
  importedAt: IsoDateTime,
  /** Files that came with the bundle and that this record cites as evidence. */
  files: z.array(z.object({ sha256: z.string(), name: z.string(), type: z.string(), size: z.number() })),
});
export type Provenance = z.infer<typeof Provenance>;

const BundleData = base64Of(MAX_BUNDLE_FILE_BYTES, 'a partner bundle');
const BackupData = base64Of(MAX_BACKUP_FILE_BYTES, 'a backup file');

export const exchangeMethods = {
  'exchange.backup.create': { input: z.object({ passphrase: NewPassphrase }), output: EncryptedFile.extend({ report: BackupReport }) },
  /** Decrypts in memory and checks everything; writes nothing. */
  'exchange.backup.verify': { input: z.object({ data: BackupData, passphrase: Passphrase }), output: BackupReport },
  /** Always into a new vault, next to the open one; the open vault is not touched. */
  'exchange.backup.restore': {
    input: z.object({ data: BackupData, passphrase: Passphrase, name: z.string().trim().min(1, 'Give the new vault a name.').max(80), vaultPassphrase: NewPassphrase }),
    output: z.object({ vault: VaultSummary, report: BackupReport }),
  },
  /** Stops the running backup, restore, or bundle being made or imported at its next step; false when none is running. */
  'exchange.cancel': { input: z.null(), output: z.boolean() },
  'exchange.bundle.choices': { input: z.null(), output: z.array(BundleChoice) },
  'exchange.bundle.create': {
    input: z.object({
      organisation: z.string().trim().min(1, 'Name your organisation, so partners know who sent the bundle.').max(200),
      passphrase: NewPassphrase,
      items: z.array(z.object({ kind: BundleKind, id: Id })).min(1, 'Choose at least one plan, package or assessment.').max(500),
      /** Diary attachments cited as evidence are private unless the sender includes them. */
      includeCitedFiles: z.boolean().default(false),
      /** Cited images go without their GPS position, camera, author and times unless the sender keeps them. */
      keepImageMetadata: z.boolean().default(false),
      /** Decisions about what the identity check flags in the records and file names (not in the organisation's name). */
      identity: ExportIdentity,
    }),
    output: EncryptedFile.extend({ items: z.number(), files: z.number() }),
  },
  'exchange.bundle.preview': { input: z.object({ data: BundleData, passphrase: Passphrase }), output: BundlePreview },
  'exchange.bundle.import': {
    input: z.object({ data: BundleData, passphrase: Passphrase, confirm: z.literal(true, 'Look at the preview and confirm the import first.') }),
    output: ImportResult,
  },
  'exchange.provenance': { input: z.object({ entity: EntityKind, id: Id }), output: Provenance.nullable() },
  'exchange.files.read': {
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: z.object({ name: z.string(), type: z.string(), data: z.string() }),
  },
} as const;
