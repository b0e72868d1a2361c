import { z } from 'zod';

/** Short passphrases fall to offline guessing even behind scrypt; the UI also shows strength. */
export const PASSPHRASE_MIN_LENGTH = 12;
/**
 * The lowest zxcvbn score a new passphrase may have, checked by core and shown by the forms. 4 is
 * zxcvbn's "strong protection from offline slow-hash scenario" (10^10 guesses or more): exactly the
 * threat here, a seized laptop whose keyfile is attacked offline. 3 stops at 10^10 guesses, which a
 * well-funded attacker gets through in days even against scrypt.
 */
export const MIN_PASSPHRASE_SCORE = 4;
/** Bounds the KDF input so a huge string cannot stall the core. */
const PASSPHRASE_MAX_LENGTH = 1024;

const Passphrase = z.string().max(PASSPHRASE_MAX_LENGTH);
const NewPassphrase = Passphrase.min(PASSPHRASE_MIN_LENGTH);
/** Vault ids become folder names, so only the exact UUID form is accepted (no path tricks). */
export const VaultId = z.uuid();
/** Backup ids are file names written by core: a timestamp and a kind, nothing else. */
export const BackupId = z.string().regex(/^\d{8}T\d{9}Z-(auto|manual|pre-migration)$/);

export const VaultSummary = z.object({
  id: VaultId,
  /** Stored unencrypted so the unlock screen can list vaults: the UI asks for a neutral name. */
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type VaultSummary = z.infer<typeof VaultSummary>;

export const VaultStatus = z.object({
  state: z.enum(['locked', 'unlocked']),
  vault: VaultSummary.nullable(),
  /** Auto-lock delay of the open vault; null while locked. */
  idleMinutes: z.number().nullable(),
  /** Something the user should know about the open vault, such as a failed automatic backup. */
  warning: z.string().nullable(),
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
  kind: z.enum(['auto', 'manual', 'pre-migration']),
  createdAt: z.iso.datetime(),
  sizeBytes: z.number(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

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
