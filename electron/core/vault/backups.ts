import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BackupId, type BackupInfo } from '@shared/api/vault';
import { DomainError } from '../rpc/domain-error';
import { fsyncDir, fsyncFile } from './durable-fs';
import { runVaultTask, type RunningTask } from './background';
import { applyKey, type VaultDatabase } from './open';

export type BackupKind = BackupInfo['kind'];

const SUFFIX = '.db';
const TEMP_SUFFIX = '.db.tmp';

/** 2025-03-04T05:06:07.089Z → 20250304T050607089Z: sortable, no characters Windows rejects. */
export function backupStamp(time: number): string {
  return new Date(time).toISOString().replace(/[-:.]/g, '');
}

function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) throw new Error('Unexpected backup name.');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/**
 * Writes an encrypted copy of the open vault. better-sqlite3's db.backup() cannot be used: it
 * opens the destination on an unkeyed connection and SQLite3MC refuses ("incompatible source and
 * target"), which is the safe answer. VACUUM INTO is a consistent snapshot that SQLite3MC writes
 * with the main database's cipher and key, so the copy is never plaintext. It goes to a temp name
 * and is renamed only once fsynced, so a backup either exists whole or not at all.
 */
export function createBackup(db: VaultDatabase, dir: string, kind: BackupKind, now: number): BackupInfo {
  const slot = newBackupSlot(dir, kind, now);
  db.prepare('VACUUM INTO ?').run(slot.temp);
  return slot.commit();
}

/**
 * The same copy made by a worker thread with its own connection to `source`, so a large vault's
 * backup never blocks lock, panic or typing. The worker reads one consistent snapshot (WAL lets
 * the app keep writing meanwhile); the key is copied for the worker before this returns, so the
 * caller may wipe its own at once.
 */
export function createBackupInBackground(source: string, key: Buffer, dir: string, kind: BackupKind, now: number): RunningTask & { backup: Promise<BackupInfo> } {
  const slot = newBackupSlot(dir, kind, now);
  const task = runVaultTask(source, key, { kind: 'backup', target: slot.temp });
  const backup = task.done.then(
    () => slot.commit(),
    (error: unknown) => {
      fs.rmSync(slot.temp, { force: true });
      throw error;
    },
  );
  return { ...task, backup };
}

/** Where salvage writes its copy: an unfinished backup until it has been checked. */
export const createSalvageSlot = (dir: string, now: number) => newBackupSlot(dir, 'salvaged', now);

/** A free name for a new backup, and how to make it real once its temp file is complete. */
function newBackupSlot(dir: string, kind: BackupKind, now: number): { temp: string; commit: () => BackupInfo } {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let time = now;
  const taken = (t: number) => ['', '.tmp'].some((extra) => fs.existsSync(path.join(dir, `${backupStamp(t)}-${kind}${SUFFIX}${extra}`)));
  while (taken(time)) time += 1;
  const id = `${backupStamp(time)}-${kind}`;
  const file = path.join(dir, id + SUFFIX);
  const temp = path.join(dir, id + TEMP_SUFFIX);
  return {
    temp,
    commit() {
      fs.chmodSync(temp, 0o600);
      fsyncFile(temp);
      fs.renameSync(temp, file);
      fsyncDir(dir);
      return { id, kind, createdAt: stampToIso(backupStamp(time)), sizeBytes: fs.statSync(file).size };
    },
  };
}

/** Backups in `dir`, newest first. Unfinished temp files are not backups and are not listed. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    if (!name.endsWith(SUFFIX)) continue;
    const id = name.slice(0, -SUFFIX.length);
    if (!BackupId.safeParse(id).success) continue;
    const [stamp, ...kindParts] = id.split('-');
    backups.push({
      id,
      kind: kindParts.join('-') as BackupKind,
      createdAt: stampToIso(stamp!),
      sizeBytes: fs.statSync(path.join(dir, name)).size,
    });
  }
  return backups.sort((a, b) => b.id.localeCompare(a.id));
}

/**
 * Which backups rotate together. Lock, quit and periodic copies come often, so they rotate among
 * themselves and never push out the daily copy, a manual one or the copy made before a migration:
 * a mistake noticed a week later can still be undone from an older copy.
 */
const ROTATION: Record<BackupKind, string> = {
  auto: 'daily',
  lock: 'frequent',
  quit: 'frequent',
  periodic: 'frequent',
  manual: 'manual',
  'pre-migration': 'pre-migration',
  salvaged: 'salvaged',
};

/** Keeps the `keep` newest backups of each rotation; older ones are deleted. */
export function pruneBackups(dir: string, keep: number): void {
  const seen = new Map<string, number>();
  for (const backup of listBackups(dir)) {
    const group = ROTATION[backup.kind];
    const count = (seen.get(group) ?? 0) + 1;
    seen.set(group, count);
    if (count > keep) fs.rmSync(path.join(dir, backup.id + SUFFIX), { force: true });
  }
}

/** Removes copies a crash interrupted. They are encrypted, but they are not backups. */
export function removeUnfinishedBackups(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith(TEMP_SUFFIX)) fs.rmSync(path.join(dir, name), { force: true });
}

/** The file of an existing backup; NOT_FOUND otherwise. Ids are validated, never joined blindly. */
export function backupFile(dir: string, backupId: string): string {
  if (!BackupId.safeParse(backupId).success) throw new DomainError('NOT_FOUND', 'vault.backupGone', 'That backup no longer exists.');
  const file = path.join(dir, backupId + SUFFIX);
  if (!fs.existsSync(file)) throw new DomainError('NOT_FOUND', 'vault.backupGone', 'That backup no longer exists.');
  return file;
}

/** Opens a backup read-only with the vault key and checks it is whole. Returns its schema version. */
export function verifyBackup(file: string, key: Buffer): number {
  let db: VaultDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, key);
    db.pragma('temp_store = MEMORY');
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw new Error('quick_check failed');
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new DomainError('BAD_FILE', 'vault.backupDamaged', 'This backup is damaged and cannot be restored. Nothing was changed. Try an older backup.');
  } finally {
    db?.close();
  }
}
