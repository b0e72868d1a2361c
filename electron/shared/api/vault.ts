import { z } from 'zod';
import { MIN_PASSPHRASE_SCORE, PASSPHRASE_MIN_LENGTH } from './passphrase-rules';

export { MIN_PASSPHRASE_SCORE, PASSPHRASE_MIN_LENGTH };
/** Bounds the KDF input so a huge string cannot stall the core. */
const PASSPHRASE_MAX_LENGTH = 1024;

const Passphrase = z.string().max(PASSPHRASE_MAX_LENGTH);
const NewPassphrase = Passphrase.min(PASSPHRASE_MIN_LENGTH);
/** Vault ids become folder names, so only the exact UUID form is accepted (no path tricks). */
export const VaultId = z.uuid();
/** Backup ids are file names written by core: a timestamp and a kind, nothing else. */
export const BackupId = z.string().regex(/^\d{8}T\d{9}Z-(auto|manual|pre-migration|lock|periodic|quit|salvaged)$/);
/**
 * Why a backup was made: auto (first unlock after the interval), lock, quit, periodic (after
 * changes while open), manual, pre-migration, or salvaged (what could be read of a damaged vault).
 */
export const BackupKind = z.enum(['auto', 'manual', 'pre-migration', 'lock', 'periodic', 'quit', 'salvaged']);

export const VaultSummary = z.object({
  id: VaultId,
  /** Stored unencrypted so the unlock screen can list vaults: the UI asks for a neutral name. */
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type VaultSummary = z.infer<typeof VaultSummary>;

export const IntegrityCheck = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), done: z.number(), total: z.number() }),
  z.object({ state: z.literal('ok'), checkedAt: z.iso.datetime() }),
  /** `key` names the message in a catalogue (`errors:vault.checkFailed`), so the user reads it in their language. */
  z.object({ state: z.literal('failed'), message: z.string(), key: z.string().optional() }),
]);
export type IntegrityCheck = z.infer<typeof IntegrityCheck>;

export const VaultStatus = z.object({
  state: z.enum(['locked', 'unlocked']),
  vault: VaultSummary.nullable(),
  /** Auto-lock delay of the open vault; null while locked. */
  idleMinutes: z.number().nullable(),
  /** Something the user should know about the open vault, such as a failed automatic backup. */
  warning: z.string().nullable(),
  /** The catalogue key of `warning` (`errors:vault.backupFailed`), for the user's language; null with no warning. */
  warningKey: z.string().nullable(),
  /** The full check of the vault file that runs in the background after unlock; null while locked. */
  check: IntegrityCheck.nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const VaultSettings = z.object({
  idleMinutes: z.number().int().min(1).max(240),
  backupCount: z.number().int().min(1).max(50),
  backupIntervalHours: z.number().int().min(1).max(24 * 30),
});
export type VaultSettings = z.infer<typeof VaultSettings>;

export const BackupInfo = z.object({
  id: BackupId,
  kind: BackupKind,
  createdAt: z.iso.datetime(),
  sizeBytes: z.number(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** What a vault file or backup holds, for comparing them before choosing one. */
export const VaultContents = z.object({
  companies: z.number(),
  engagements: z.number(),
  plans: z.number(),
  packages: z.number(),
  assessments: z.number(),
  notes: z.number(),
  submissions: z.number(),
  attachments: z.number(),
  revisions: z.number(),
  /** When the newest revision was written; null when there is none. */
  latestChange: z.iso.datetime().nullable(),
});
export type VaultContents = z.infer<typeof VaultContents>;

export const RecoveryReport = z.object({
  /** The salvaged copy, kept among the backups; null when nothing at all could be read. */
  salvaged: BackupInfo.nullable(),
  /** True when some rows could not be read and are not in the salvaged copy. */
  incomplete: z.boolean(),
  /** Revisions left out because their hash did not match their content. */
  badRevisions: z.number(),
  /** Every backup (the salvaged copy first) with what it holds; null for one that cannot be read. */
  backups: z.array(z.object({ backup: BackupInfo, contents: VaultContents.nullable() })),
});
export type RecoveryReport = z.infer<typeof RecoveryReport>;

export const vaultMethods = {
  'vault.list': { input: z.null(), output: z.array(VaultSummary) },
  'vault.status': { input: z.null(), output: VaultStatus },
  'vault.create': {
    input: z.object({ name: z.string().trim().min(1).max(80), passphrase: NewPassphrase }),
    output: VaultStatus,
  },
  'vault.unlock': { input: z.object({ id: VaultId, passphrase: Passphrase }), output: VaultStatus },
  'vault.lock': { input: z.null(), output: VaultStatus },
  /** The renderer reports user activity; core owns the idle clock. */
  'vault.touch': { input: z.null(), output: z.null() },
  'vault.changePassphrase': {
    input: z.object({ current: Passphrase, next: NewPassphrase }),
    output: z.null(),
  },
  'vault.settings.get': { input: z.null(), output: VaultSettings },
  'vault.settings.set': { input: VaultSettings.partial(), output: VaultSettings },
  /** vaultId lets a locked, damaged vault list its backups; default is the open vault. */
  'vault.backups.list': { input: z.object({ vaultId: VaultId.optional() }), output: z.array(BackupInfo) },
  'vault.backups.create': { input: z.null(), output: BackupInfo },
  /**
   * A damaged vault: copies every row that still reads into a new backup ("salvaged"), and lists
   * what it and every other backup hold. Changes nothing else. While locked, vaultId and
   * passphrase are required; while open, the open vault is locked first.
   */
  'vault.recovery.salvage': {
    input: z.object({ vaultId: VaultId, passphrase: Passphrase.optional() }),
    output: RecoveryReport,
  },
  /**
   * Replaces the vault file with a backup; the replaced file is kept aside. confirm must be true.
   * While locked (a damaged vault), vaultId and passphrase are required to unwrap the key.
   */
  'vault.backups.restore': {
    input: z.object({
      backupId: BackupId,
      confirm: z.boolean(),
      vaultId: VaultId.optional(),
      passphrase: Passphrase.optional(),
    }),
    output: VaultStatus,
  },
} as const;
