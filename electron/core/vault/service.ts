import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EventPayload } from '@shared/api/events';
import type { BackupInfo, IntegrityCheck, RecoveryReport, VaultSettings, VaultStatus, VaultSummary } from '@shared/api/vault';
import type { EventBus } from '../events';
import { DomainError } from '../rpc/domain-error';
import { clearAttempts, readAttempts, recordFailure, secondsUntilRetry, type AttemptRecord } from './attempts';
import { runVaultReader, runVaultTask, type ReaderProgram, type RunningTask, type VaultReader } from './background';
import { periodicBackupDue } from './backup-schedule';
import { backupFile, backupStamp, createBackup, createBackupInBackground, listBackups, pruneBackups, removeUnfinishedBackups, verifyBackup, type BackupKind } from './backups';
import { fsyncDir, fsyncFile, removeStaleTemp } from './durable-fs';
import { eraseVault } from './erase';
import { removeAbandonedStaging, restrictPermissions } from './hygiene';
import { DEFAULT_SCRYPT, KEY_BYTES, passphraseBytes, type ScryptParams } from './kdf';
import { readKeyfile, unwrapVaultKey, wrapVaultKey, writeKeyfile, type Keyfile } from './keyfile';
import { pathsIn, vaultPaths, vaultsRoot, type VaultPaths } from './layout';
import { listVaults, readVaultMeta, writeVaultMeta } from './meta';
import { latestVersion, migrate, migrations as defaultMigrations, type Migration } from './migrations';
import { TOO_NEW_MESSAGE } from './migrations/runner';
import { asVaultDamage, openVaultDatabase, type VaultDatabase } from './open';
import { applyChange, prepareChange, resumeChange, type ChangeHooks } from './passphrase-change';
import { assertStrongPassphrase } from './passphrase-strength';
import { recoveryReport, salvageVault } from './salvage';
import { readSettings, writeSettings } from './settings';
import { checkpointFile, checkpointNow } from './wal';

export type LockReason = EventPayload<'vault.locked'>['reason'];

export interface VaultServiceOptions {
  dataDir: string;
  events: EventBus;
  /** KDF cost for new keyfiles. Tests pass cheap parameters; production uses the default. */
  kdf?: ScryptParams;
  /** Schema steps; tests pass extra steps to exercise upgrades. */
  migrations?: readonly Migration[];
  now?: () => number;
  /** Crash-test hook: fail or kill a passphrase change before a chosen step. */
  changeHooks?: ChangeHooks;
  /** How often the idle clock is checked. */
  idleCheckMs?: number;
  /** Wrong passphrases after which a vault is erased (the user's opt-in); null or absent: never. */
  eraseAfterFailures?: () => number | null;
  /**
   * Runs as the vault locks, before its database closes (the editor's staged drafts are written
   * here). `mayWait` is false at panic and when the computer suspends: then only what must not be
   * lost is written, and nothing that can wait delays the close.
   */
  beforeClose?: (db: VaultDatabase, close: { mayWait: boolean }) => void;
  /** How often an open vault looks whether a periodic backup is due. */
  backupCheckMs?: number;
  /** The full check of the file after unlock (default on); a test that checks by itself turns it off. */
  checkAfterUnlock?: boolean;
  /**
   * How long after unlock the full check and the day's backup start (default: on the next turn).
   * The app waits a little: each starts a worker thread, and the first screen after unlock was
   * drawn while two of them booted (see createCore).
   */
  backgroundAfterUnlockMs?: number;
}

interface Session {
  meta: VaultSummary;
  paths: VaultPaths;
  db: VaultDatabase;
  /** The raw vault key, owned by the session and zeroed on lock. */
  key: Buffer;
  settings: VaultSettings;
  lastActivity: number;
  idleTimer: NodeJS.Timeout;
  /** Something the user should know about this session, such as a failed automatic backup, with its catalogue key. */
  warning: { message: string; key: string } | null;
  /** The background check of the file, started after unlock. */
  check: IntegrityCheck;
  checkTask: RunningTask | null;
  /** The timer that starts the check and the day's backup, until it has fired or been cleared. */
  backgroundStart: NodeJS.Timeout | null;
  /** Workers reading the open vault for other domains (openReader), stopped at lock. */
  readers: Set<VaultReader>;
  /** Set once the file is rekeyed, restored or erased: no reader opens again in this session. */
  readersClosed: boolean;
  backupTimer: NodeJS.Timeout;
  /** SQLite's change counter when the last backup of this session started, and that time. */
  changesAtBackup: number;
  lastBackupAt: number;
}

const WRONG_PASSPHRASE = 'Wrong passphrase. Nothing was changed.';
const BACKUP_FAILED =
  'The automatic backup could not be written (the disk may be full). Your vault is open and nothing was lost; free some space, then back up from Settings.';
const CHECK_FAILED =
  'The background check found damage in this vault file. Salvage what can still be read now, then compare it with your backups before choosing one.';
const CHECK_FAILED_KEY = 'errors:vault.checkFailed';
const KEYFILE_DAMAGED =
  'The key file of this vault (keyfile.json) is missing or damaged, so no passphrase can open it. If you have a copy of the vault folder, put its keyfile.json back.';

/**
 * The vault: which encrypted database is open, with which key, for how long. Other domains get the
 * open database through database(); the shell calls lock() on suspend and screen lock.
 * One vault is open at a time. Async operations (those that run the KDF) are serialised;
 * lock() is synchronous and always wins, even against an unlock in progress.
 */
export class VaultService {
  private session: Session | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by every lock, so an unlock that was deriving its key when the lock came gives up. */
  private lockGeneration = 0;
  private readonly kdf: ScryptParams;
  private readonly steps: readonly Migration[];
  private readonly now: () => number;
  /**
   * Wrong current passphrases typed into "Change passphrase". Kept in memory and never counted
   * towards erasing: mistyping while the vault is open must not destroy it. Still slowed down, so
   * an unlocked laptop cannot be used to guess the passphrase quickly.
   */
  private changeAttempts: AttemptRecord = { failures: 0, lastFailureAt: 0 };

  /** Backups, checks and salvage running on worker threads, so shutdown and restore can wait for them. */
  private readonly background = new Set<{ task: Pick<RunningTask, 'stop'>; settled: Promise<unknown>; kind: 'backup' | 'check' | 'salvage' | 'checkpoint' | 'reader' }>();

  constructor(private readonly options: VaultServiceOptions) {
    this.kdf = options.kdf ?? DEFAULT_SCRYPT;
    this.steps = options.migrations ?? defaultMigrations;
    this.now = options.now ?? Date.now;
    // A vault half created or half restored when the app last stopped is never finished.
    removeAbandonedStaging(options.dataDir);
  }

  list(): VaultSummary[] {
    return listVaults(this.options.dataDir);
  }

  status(): VaultStatus {
    const session = this.session;
    if (!session) return { state: 'locked', vault: null, idleMinutes: null, warning: null, warningKey: null, check: null };
    const { warning } = session;
    return { state: 'unlocked', vault: session.meta, idleMinutes: session.settings.idleMinutes, warning: warning?.message ?? null, warningKey: warning?.key ?? null, check: session.check };
  }

  /** The open vault's database, for other domains' repositories. */
  database(): VaultDatabase {
    return this.requireSession().db;
  }

  /**
   * A worker with a read-only connection of its own to the open vault, for reading that would
   * otherwise hold the thread that answers every call (background.ts runVaultReader). It ends at
   * lock, and before the file is rekeyed, restored or erased; its owner learns so from `ended`.
   * Null from then on in this session: a connection opened under the old key while the file is
   * rekeyed would make the change fail.
   */
  openReader(program: ReaderProgram, onMessage: (message: unknown) => void): VaultReader | null {
    const session = this.requireSession();
    if (session.readersClosed) return null;
    const reader = runVaultReader(session.paths.db, session.key, program, onMessage);
    session.readers.add(reader);
    void reader.ended.then(() => session.readers.delete(reader));
    return reader;
  }

  create(name: string, passphrase: string): Promise<VaultStatus> {
    // Captured at the call, not when the queued task starts: a lock after the request cancels it.
    const generation = this.lockGeneration;
    return this.exclusive(async () => {
      this.assertNoneOpen();
      await assertStrongPassphrase(passphrase, 'passphrase', [name]);
      const id = crypto.randomUUID();
      const meta: VaultSummary = { id, name, createdAt: new Date(this.now()).toISOString() };
      const root = vaultsRoot(this.options.dataDir);
      fs.mkdirSync(root, { recursive: true, mode: 0o700 });
      // Built in a dot-folder and renamed into place at the end, so a crash never leaves a
      // half-made vault on the unlock screen.
      const staging = pathsIn(path.join(root, `.creating-${id}`));
      fs.mkdirSync(staging.dir, { mode: 0o700 });
      const key = crypto.randomBytes(KEY_BYTES);
      const secret = passphraseBytes(passphrase);
      try {
        writeKeyfile(staging.keyfile, await wrapVaultKey(key, secret, this.kdf, id));
        writeVaultMeta(staging.meta, meta);
        const db = openVaultDatabase(staging.db, key, { create: true, maxVersion: latestVersion(this.steps) });
        try {
          migrate(db, this.steps);
        } finally {
          db.close();
        }
        restrictPermissions(staging.dir);
        fs.renameSync(staging.dir, vaultPaths(this.options.dataDir, id).dir);
        fsyncDir(root);
      } catch (error) {
        key.fill(0);
        fs.rmSync(staging.dir, { recursive: true, force: true });
        throw error;
      } finally {
        secret.fill(0);
      }
      if (generation !== this.lockGeneration) {
        key.fill(0);
        return this.status();
      }
      return this.openSession(meta, key);
    });
  }

  unlock(id: string, passphrase: string): Promise<VaultStatus> {
    const generation = this.lockGeneration;
    return this.exclusive(async () => {
      this.assertNoneOpen();
      const meta = this.requireVault(id);
      const key = await this.unwrapKey(meta.id, passphrase);
      if (generation !== this.lockGeneration) {
        key.fill(0);
        throw new DomainError('LOCKED', 'vault.lockedWhileOpening', 'The vault was locked while it was opening. Unlock it again.');
      }
      return this.openSession(meta, key);
    });
  }

  /**
   * Writes the editor's staged drafts, closes the database, wipes the key and tells the renderer.
   * Safe to call when already locked. When anything changed since the last backup, a backup of
   * the closed file follows on a worker thread (not after panic: then the key leaves memory now).
   */
  lock(reason: LockReason): VaultStatus {
    this.lockGeneration++;
    const session = this.session;
    if (!session) return this.status();
    try {
      this.options.beforeClose?.(session.db, { mayWait: reason !== 'panic' && reason !== 'suspend' });
    } catch (error) {
      console.warn(`[vault] drafts could not be written at lock (${error instanceof Error ? error.name : typeof error})`);
    }
    // No copy of a file the check found damaged: salvage reads it instead, row by row.
    const changed = reason !== 'panic' && session.check.state !== 'failed' && changesSince(session) > 0;
    // Panic takes the key out of memory now: a checkpoint it could not finish waits for the next unlock.
    const key = reason !== 'panic' ? Buffer.from(session.key) : null;
    const checkpointed = this.closeSession(session);
    this.options.events.emit('vault.locked', { reason });
    if (key && (changed || !checkpointed)) {
      // After this call returns: starting a worker takes the main thread a few milliseconds.
      setImmediate(() => void this.afterLock(session, key, { checkpoint: !checkpointed, backup: changed ? (reason === 'shutdown' ? 'quit' : 'lock') : null }));
    } else {
      key?.fill(0);
    }
    return this.status();
  }

  /**
   * What a lock leaves to the background, with its own copy of the key (zeroed at the end): the
   * copy of the closed file, and the checkpoint another connection held up, once every check and
   * backup then running (that copy included) has ended.
   */
  private async afterLock(session: Session, key: Buffer, work: { checkpoint: boolean; backup: BackupKind | null }): Promise<void> {
    try {
      // Both are tracked before this turn ends, so a passphrase change or restore waits for them.
      if (work.backup) void this.backUpInBackground(session, key, work.backup).catch(() => undefined);
      if (work.checkpoint) {
        const others = [...this.background].map((job) => job.settled);
        const settled = Promise.all(others).then(() => checkpointFile(session.paths.db, key));
        // Logged by error class only: messages can carry paths.
        await this.track({ task: { stop: async () => undefined }, settled: settled.catch((error: unknown) => console.warn(`[vault] checkpoint after lock failed (${error instanceof Error ? error.name : typeof error})`)), kind: 'checkpoint' });
      }
    } finally {
      key.fill(0);
    }
  }

  /** Resolves when every backup, check and salvage in the background has finished; what unlock has yet to start starts now. */
  async settled(): Promise<void> {
    if (this.session?.backgroundStart) this.startBackground(this.session);
    // Lock and unlock start their background work on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.background.size > 0) await Promise.all([...this.background].map((job) => job.settled));
  }

  /** The renderer reports user activity; ignored while locked. */
  touch(): void {
    if (this.session) this.session.lastActivity = this.now();
  }

  /** Locks when the user has been idle for the chosen time. Called by a timer; tests call it directly. */
  checkIdle(): void {
    const session = this.session;
    if (session && this.now() - session.lastActivity >= session.settings.idleMinutes * 60_000) this.lock('idle');
  }

  /**
   * Replaces the vault key: a new random key, the database and its copies re-encrypted in place,
   * the new key wrapped under the new passphrase (see passphrase-change.ts for the crash-safe
   * order). A wrong current passphrase is refused and slowed down, but never erases the vault.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      const session = this.requireSession();
      const { meta, paths } = session;
      const wait = secondsUntilRetry(this.changeAttempts, this.now());
      if (wait > 0) {
        throw new DomainError('RATE_LIMITED', 'vault.tooManyAttempts', `Too many wrong passphrases. Wait ${wait} seconds, then try again.`, { retryAfter: wait, params: { count: wait } });
      }
      const keyfile = readKeyfile(paths.keyfile);
      if (!keyfile) throw new DomainError('VAULT_DAMAGED', 'vault.keyfileMissingOrDamaged', KEYFILE_DAMAGED);
      const typed = passphraseBytes(current);
      let currentKey: Buffer | null;
      try {
        currentKey = await unwrapVaultKey(keyfile, typed, meta.id);
      } finally {
        typed.fill(0);
      }
      const matches = currentKey !== null && crypto.timingSafeEqual(currentKey, session.key);
      currentKey?.fill(0);
      if (!matches) {
        this.changeAttempts = { failures: this.changeAttempts.failures + 1, lastFailureAt: this.now() };
        const retryAfter = secondsUntilRetry(this.changeAttempts, this.now());
        throw new DomainError('WRONG_PASSPHRASE', 'vault.currentPassphraseWrong', 'The current passphrase is wrong. Nothing was changed.', retryAfter > 0 ? { retryAfter } : {});
      }
      this.changeAttempts = { failures: 0, lastFailureAt: 0 };
      await assertStrongPassphrase(next, 'next', [meta.name]);
      const secret = passphraseBytes(next);
      let prepared;
      try {
        prepared = await prepareChange(session.key, secret, this.kdf, meta.id);
      } finally {
        secret.fill(0);
      }
      // A backup or check on a worker holds its own connection under the old key: let it finish.
      await this.quiesce();
      if (this.session !== session) {
        prepared.key.fill(0);
        throw new DomainError('LOCKED', 'vault.lockedBeforeChange', 'The vault was locked before the passphrase could be changed. Nothing was changed.');
      }
      try {
        applyChange({ paths, db: session.db, keyfile, previous: session.key, prepared, hooks: this.options.changeHooks });
      } catch (error) {
        prepared.key.fill(0);
        if (error instanceof DomainError) throw error;
        // Part of the change may be on disk; unlocking finishes or drops it (see resumeChange).
        this.lock('user');
        throw new DomainError(
          'UNAVAILABLE',
          'vault.changeInterrupted',
          'The passphrase change was interrupted and the vault was locked. Unlock it with the new passphrase; if that is refused, the previous one still works.',
        );
      }
      session.key.fill(0);
      session.key = prepared.key;
    });
  }

  getSettings(): VaultSettings {
    return this.requireSession().settings;
  }

  setSettings(patch: Partial<VaultSettings>): VaultSettings {
    const session = this.requireSession();
    session.settings = writeSettings(session.db, patch);
    return session.settings;
  }

  /** Backups of the open vault, or of a locked one (a damaged vault offers its backups). */
  listBackups(vaultId?: string): BackupInfo[] {
    const paths = vaultId === undefined ? this.requireSession().paths : vaultPaths(this.options.dataDir, this.requireVault(vaultId).id);
    return listBackups(paths.backups);
  }

  /** A manual backup, made on a worker thread: the app stays usable while a large vault is copied. */
  createBackup(): Promise<BackupInfo> {
    const session = this.requireSession();
    return this.backUpInBackground(session, session.key, 'manual');
  }

  /**
   * A damaged vault: copies what still reads into a new "salvaged" backup and reports it next to
   * every other backup. The damaged file is only read. An open vault is locked first.
   */
  salvage(request: { vaultId: string; passphrase?: string | undefined }): Promise<RecoveryReport> {
    return this.exclusive(async () => {
      const open = this.session;
      let key: Buffer;
      if (open && open.meta.id === request.vaultId) {
        key = Buffer.from(open.key);
        this.lock('user');
      } else {
        this.assertNoneOpen();
        if (request.passphrase === undefined) throw new DomainError('LOCKED', 'vault.passphraseToSalvage', 'Enter the passphrase of this vault to salvage it.');
        key = await this.unwrapKey(this.requireVault(request.vaultId).id, request.passphrase);
      }
      try {
        await this.quiesce();
        const paths = vaultPaths(this.options.dataDir, request.vaultId);
        const job = salvageVault(paths, key, this.now());
        const outcome = await this.track({ task: { stop: async () => undefined }, settled: job, kind: 'salvage' });
        return recoveryReport(paths, key, outcome);
      } finally {
        key.fill(0);
      }
    });
  }

  /**
   * Replaces the vault file with a backup. Never without confirm; the replaced files (database,
   * WAL and shared memory) are moved to replaced/, never deleted. While locked, the passphrase
   * unwraps the key (backups use the same key as the vault).
   */
  restoreBackup(request: { backupId: string; confirm: boolean; vaultId?: string | undefined; passphrase?: string | undefined }): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (!request.confirm) {
        throw new DomainError('CONFLICT', 'vault.confirmRestore', 'Restoring replaces the vault with the backup, so it needs your confirmation. Nothing was changed.');
      }
      const open = this.session;
      if (open && request.vaultId !== undefined && request.vaultId !== open.meta.id) {
        throw new DomainError('CONFLICT', 'vault.lockBeforeRestore', 'Lock the open vault before restoring another one.');
      }
      let meta: VaultSummary;
      let key: Buffer;
      if (open) {
        meta = open.meta;
        key = Buffer.from(open.key);
      } else {
        if (request.vaultId === undefined || request.passphrase === undefined) {
          throw new DomainError('LOCKED', 'vault.passphraseToRestore', 'Enter the passphrase of this vault to restore one of its backups.');
        }
        meta = this.requireVault(request.vaultId);
        key = await this.unwrapKey(meta.id, request.passphrase);
      }
      try {
        await this.quiesce();
        this.replaceWithBackup(vaultPaths(this.options.dataDir, meta.id), request.backupId, key);
        return this.openSession(meta, key);
      } catch (error) {
        key.fill(0);
        // The vault was open before the restore and is not any more: the renderer must know.
        if (open && !this.session) this.options.events.emit('vault.locked', { reason: 'user' });
        throw error;
      }
    });
  }

  /** Locks for good; the core calls this on shutdown. */
  dispose(): void {
    this.lock('shutdown');
  }

  private replaceWithBackup(paths: VaultPaths, backupId: string, key: Buffer): void {
    const source = backupFile(paths.backups, backupId);
    if (verifyBackup(source, key) > latestVersion(this.steps)) throw new DomainError('VAULT_TOO_NEW', 'vault.tooNew', TOO_NEW_MESSAGE);
    // Stage the copy first, so the vault has no file for only the moment of two renames.
    const staged = `${paths.db}.restore.tmp`;
    fs.copyFileSync(source, staged);
    fsyncFile(staged);
    if (this.session) this.closeSession(this.session);
    fs.mkdirSync(paths.replaced, { recursive: true, mode: 0o700 });
    const asideStem = path.join(paths.replaced, `vault-${backupStamp(this.now())}.db`);
    // The WAL belongs to the replaced file: left in place it would be replayed onto the backup.
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(paths.db + suffix)) fs.renameSync(paths.db + suffix, asideStem + suffix);
    }
    fs.renameSync(staged, paths.db);
    fsyncDir(paths.replaced);
    fsyncDir(paths.dir);
  }

  /** Opens the database with a known-good key; takes ownership of `key` (zeroed on failure). */
  private openSession(meta: VaultSummary, key: Buffer): VaultStatus {
    const paths = vaultPaths(this.options.dataDir, meta.id);
    let db: VaultDatabase;
    try {
      restrictPermissions(paths.dir);
      // A backup still being written after the last lock is unfinished, not abandoned.
      if (![...this.background].some((job) => job.kind === 'backup')) removeUnfinishedBackups(paths.backups);
      db = openVaultDatabase(paths.db, key, { create: false, maxVersion: latestVersion(this.steps) });
    } catch (error) {
      key.fill(0);
      throw error;
    }
    let settings: VaultSettings;
    try {
      migrate(db, this.steps, {
        // Synchronous on purpose: migrations are rare and must not start before their copy exists.
        beforeMigrate: () => void createBackup(db, paths.backups, 'pre-migration', this.now()),
      });
      settings = readSettings(db);
    } catch (error) {
      db.close();
      key.fill(0);
      throw asVaultDamage(error);
    }
    const idleTimer = setInterval(() => this.checkIdle(), this.options.idleCheckMs ?? 15_000);
    // The idle check must not keep a test run or a closing server alive.
    idleTimer.unref();
    const backupTimer = setInterval(() => this.backupIfChanged(), this.options.backupCheckMs ?? 60_000);
    backupTimer.unref();
    const session: Session = {
      meta,
      paths,
      db,
      key,
      settings,
      lastActivity: this.now(),
      idleTimer,
      warning: null,
      check: { state: 'running', done: 0, total: 1 },
      checkTask: null,
      backgroundStart: null,
      readers: new Set(),
      readersClosed: false,
      backupTimer,
      changesAtBackup: totalChanges(db),
      lastBackupAt: this.now(),
    };
    this.session = session;
    // Unlock reads only the pages it needs (each one authenticated by the cipher); the full check
    // and the daily backup read the whole file on worker threads, started once unlock has
    // answered and backgroundAfterUnlockMs has passed.
    session.backgroundStart = setTimeout(() => this.startBackground(session), this.options.backgroundAfterUnlockMs ?? 0);
    session.backgroundStart.unref();
    // Other windows (and the header's lock button) learn that a vault is open.
    this.options.events.emit('vault.unlocked', {});
    return this.status();
  }

  /** The check and the day's backup, once per session: from the timer set at unlock, or sooner from settled(). */
  private startBackground(session: Session): void {
    if (!session.backgroundStart) return;
    cancelBackgroundStart(session);
    if (this.session !== session) return;
    if (this.options.checkAfterUnlock !== false) this.startCheck(session);
    this.backupIfDue(session);
  }

  private startCheck(session: Session): void {
    const report = () => this.options.events.emit('vault.status', {});
    const task = runVaultTask(session.paths.db, session.key, { kind: 'check' }, (done, total) => {
      if (this.session !== session) return;
      session.check = { state: 'running', done, total };
      report();
    });
    session.checkTask = task;
    const settled = task.done.then(
      (result) => {
        if (this.session !== session) return;
        const ok = result.kind === 'check' && result.ok;
        session.check = ok ? { state: 'ok', checkedAt: new Date(this.now()).toISOString() } : { state: 'failed', message: CHECK_FAILED, key: CHECK_FAILED_KEY };
        report();
      },
      (error: unknown) => {
        // Stopped by a lock: nothing to report. Anything else the check could not read is damage.
        if (this.session !== session || (error as Error).message === 'STOPPED') return;
        session.check = { state: 'failed', message: CHECK_FAILED, key: CHECK_FAILED_KEY };
        report();
      },
    );
    void this.track({ task, settled, kind: 'check' });
  }

  /** The first unlock after the chosen interval backs up, in the background. */
  private backupIfDue(session: Session): void {
    // Only the daily copies count: frequent lock copies rotate fast and must not postpone them.
    const newest = listBackups(session.paths.backups).find((b) => b.kind === 'auto');
    const due = !newest || this.now() - Date.parse(newest.createdAt) >= session.settings.backupIntervalHours * 3_600_000;
    if (due) void this.backUpInBackground(session, session.key, 'auto').catch(() => undefined);
  }

  /** While open: back up after enough changes or enough time with changes (see backup-schedule). */
  private backupIfChanged(): void {
    const session = this.session;
    if (!session || session.check.state === 'failed' || [...this.background].some((job) => job.kind === 'backup')) return;
    if (periodicBackupDue({ changes: changesSince(session), sinceLastMs: this.now() - session.lastBackupAt })) {
      void this.backUpInBackground(session, session.key, 'periodic').catch(() => undefined);
    }
  }

  /**
   * Copies the vault file on a worker thread. `key` is copied for the worker before this returns.
   * The session may already be closed (a backup at lock); a failure then is only logged.
   */
  private backUpInBackground(session: Session, key: Buffer, kind: BackupKind): Promise<BackupInfo> {
    if (this.session === session) {
      session.changesAtBackup = totalChanges(session.db);
      session.lastBackupAt = this.now();
    }
    let job: ReturnType<typeof createBackupInBackground>;
    try {
      job = createBackupInBackground(session.paths.db, key, session.paths.backups, kind, this.now());
    } catch (error) {
      // The backup folder could not be prepared (a full or broken disk): report as a failed copy.
      job = { backup: Promise.reject(error instanceof Error ? error : new Error('FAILED')), done: Promise.reject(new Error('FAILED')), stop: async () => undefined };
      job.done.catch(() => undefined);
    }
    const backup = job.backup.then(
      (info) => {
        pruneBackups(session.paths.backups, session.settings.backupCount);
        return info;
      },
      (error: unknown) => {
        // The user's data is safe in the vault; a failed copy (full disk) must not get in the way.
        // Log the code only, never a message: a file system error's message carries the path,
        // with the account's name and the vault's id in it. The worker's errors carry their code
        // too (background.ts); anything else is named by its class.
        const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.name : typeof error);
        console.warn(`[vault] ${kind} backup failed (${code})`);
        if (this.session === session) {
          session.warning = { message: BACKUP_FAILED, key: 'errors:vault.backupFailed' };
          this.options.events.emit('vault.status', {});
        }
        throw new DomainError('UNAVAILABLE', 'vault.backupFailed', BACKUP_FAILED);
      },
    );
    void this.track({ task: job, settled: backup, kind: 'backup' });
    return backup;
  }

  private track<T>(job: { task: Pick<RunningTask, 'stop'>; settled: Promise<T>; kind: 'backup' | 'check' | 'salvage' | 'checkpoint' | 'reader' }): Promise<T> {
    const entry = { ...job, settled: job.settled.catch(() => undefined) };
    this.background.add(entry);
    void entry.settled.finally(() => this.background.delete(entry));
    return job.settled;
  }

  /** Stops background checks and waits for backups to finish, before a file is replaced, rekeyed or erased. */
  private async quiesce(): Promise<void> {
    for (const job of this.background) if (job.kind === 'check') void job.task.stop();
    if (this.session) {
      // Not started now: the file is about to change. The day's backup, still due, waits for the next unlock.
      cancelBackgroundStart(this.session);
      this.session.readersClosed = true;
      await Promise.all([...this.session.readers].map((reader) => reader.stop()));
    }
    await this.settled();
  }

  /** Closes the session's connection; false when its last changes could not yet leave the WAL (see wal.ts). */
  private closeSession(session: Session): boolean {
    this.session = null;
    clearInterval(session.idleTimer);
    clearInterval(session.backupTimer);
    cancelBackgroundStart(session);
    void session.checkTask?.stop();
    // A reader in the middle of a statement ends when it returns: the checkpoint after lock waits for it.
    for (const reader of session.readers) void this.track({ task: reader, settled: reader.stop().then(() => reader.ended), kind: 'reader' });
    try {
      const checkpointed = checkpointNow(session.db);
      session.db.close();
      return checkpointed;
    } finally {
      session.key.fill(0);
    }
  }

  /**
   * Unwraps the vault key, enforcing the growing delay between wrong passphrases and the optional
   * erase. The count lives in the keyfile; a pending passphrase change is finished or dropped here.
   */
  private async unwrapKey(vaultId: string, passphrase: string): Promise<Buffer> {
    const paths = vaultPaths(this.options.dataDir, vaultId);
    // A passphrase change interrupted before its rename leaves a temp keyfile; the real one is intact.
    removeStaleTemp(paths.keyfile);
    const keyfile = readKeyfile(paths.keyfile);
    if (!keyfile) throw new DomainError('VAULT_DAMAGED', 'vault.keyfileMissingOrDamaged', KEYFILE_DAMAGED);
    const wait = secondsUntilRetry(readAttempts(keyfile, paths.attempts), this.now());
    if (wait > 0) {
      throw new DomainError('RATE_LIMITED', 'vault.tooManyAttempts', `Too many wrong passphrases. Wait ${wait} seconds, then try again.`, { retryAfter: wait, params: { count: wait } });
    }
    const unlocked = await this.tryPassphrase(keyfile, vaultId, passphrase);
    if (!unlocked) {
      const attempts = recordFailure(paths.keyfile, keyfile, paths.attempts, this.now());
      const limit = this.options.eraseAfterFailures?.() ?? null;
      if (limit !== null && attempts.failures >= limit) {
        // A backup still being written would otherwise reappear after the erase.
        await this.quiesce();
        eraseVault(paths);
        throw new DomainError('WRONG_PASSPHRASE', 'vault.erasedAfterWrongPassphrases', `Wrong passphrase. That was wrong passphrase number ${limit}, so this vault was erased, as set in Settings.`, { params: { number: limit } });
      }
      const retryAfter = secondsUntilRetry(attempts, this.now());
      throw new DomainError('WRONG_PASSPHRASE', 'vault.wrongPassphrase', WRONG_PASSPHRASE, retryAfter > 0 ? { retryAfter } : {});
    }
    clearAttempts(paths.keyfile, keyfile, paths.attempts);
    if (!keyfile.pending) return unlocked.key;
    await this.quiesce();
    const { attempts: _cleared, ...current } = keyfile;
    return resumeChange(paths, { ...current, pending: keyfile.pending }, unlocked, vaultId);
  }

  /** The key this passphrase unwraps: the current one, or the new one of an interrupted change. */
  private async tryPassphrase(keyfile: Keyfile, vaultId: string, passphrase: string): Promise<{ via: 'current' | 'pending'; key: Buffer } | null> {
    const secret = passphraseBytes(passphrase);
    try {
      const key = await unwrapVaultKey(keyfile, secret, vaultId);
      if (key) return { via: 'current', key };
      const pending = keyfile.pending && (await unwrapVaultKey(keyfile.pending, secret, vaultId));
      return pending ? { via: 'pending', key: pending } : null;
    } finally {
      secret.fill(0);
    }
  }

  private requireVault(id: string): VaultSummary {
    const meta = readVaultMeta(vaultPaths(this.options.dataDir, id).meta);
    if (!meta || meta.id !== id) throw new DomainError('NOT_FOUND', 'vault.notOnComputer', 'That vault is not on this computer any more.');
    return meta;
  }

  private requireSession(): Session {
    if (!this.session) throw new DomainError('LOCKED', 'vault.locked', 'The vault is locked. Unlock it to continue.');
    return this.session;
  }

  private assertNoneOpen(): void {
    if (this.session) throw new DomainError('CONFLICT', 'vault.alreadyOpen', 'A vault is already open. Lock it first.');
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** SQLite's count of rows changed on this connection since the last backup of the session. */
function changesSince(session: Session): number {
  return totalChanges(session.db) - session.changesAtBackup;
}

function totalChanges(db: VaultDatabase): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Drops the start of the check and the day's backup if it has not happened yet. */
function cancelBackgroundStart(session: Session): void {
  clearTimeout(session.backgroundStart ?? undefined);
  session.backgroundStart = null;
}
