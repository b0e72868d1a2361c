import { DomainError } from '../../rpc/domain-error';
import type { VaultDatabase } from '../open';
import type { Migration } from './types';

export const TOO_NEW_MESSAGE =
  'This vault was saved by a newer version of Advocacy Workbench. Install that version (or newer) to open it. Nothing was changed.';

export function latestVersion(steps: readonly Migration[]): number {
  return steps.at(-1)?.version ?? 0;
}

export interface MigrateOptions {
  /** Runs before any step touches an existing vault (version > 0): the pre-migration backup. */
  beforeMigrate?: (from: number, to: number) => void;
}

/**
 * Brings the vault to the latest schema: all pending steps in one transaction, then user_version.
 * A failure rolls everything back, so the vault is either at its old version or the new one.
 * Returns the version the vault had before.
 */
export function migrate(db: VaultDatabase, steps: readonly Migration[], options: MigrateOptions = {}): number {
  assertIncreasing(steps);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(steps);
  if (current > latest) throw new DomainError('VAULT_TOO_NEW', 'vault.tooNew', TOO_NEW_MESSAGE);
  const pending = steps.filter((step) => step.version > current);
  if (pending.length === 0) return current;
  if (current > 0) options.beforeMigrate?.(current, latest);
  db.transaction(() => {
    for (const step of pending) step.up(db);
    // Integer from our own list, never user input: safe to interpolate (PRAGMA takes no parameters).
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return current;
}

function assertIncreasing(steps: readonly Migration[]): void {
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.version <= steps[i - 1]!.version) throw new Error('Vault migrations must have increasing versions.');
  }
}
