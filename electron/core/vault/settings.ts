import { VaultSettings } from '@shared/api/vault';
import type { VaultDatabase } from './open';

/** Defaults for a new vault: lock after 10 idle minutes, keep 7 backups, one a day at most. */
export const DEFAULT_SETTINGS: VaultSettings = { idleMinutes: 10, backupCount: 7, backupIntervalHours: 24 };

const PREFIX = 'vault.';
const KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof VaultSettings>;

export function readSettings(db: VaultDatabase): VaultSettings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE key LIKE ?').all(`${PREFIX}%`) as Array<{ key: string; value: string }>;
  const settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const name = row.key.slice(PREFIX.length) as keyof VaultSettings;
    if (!KEYS.includes(name)) continue;
    // The same bounds as the API: a restored backup or a partner's file may hold any value, and an
    // idle time of 0 or a billion, or a backup count of 10^9, must fall back to the default.
    const value = VaultSettings.shape[name].safeParse(parseJson(row.value));
    if (value.success) settings[name] = value.data;
  }
  return settings;
}

export function writeSettings(db: VaultDatabase, patch: Partial<VaultSettings>): VaultSettings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const name of KEYS) {
      const value = patch[name];
      if (value !== undefined) upsert.run(PREFIX + name, JSON.stringify(value));
    }
  })();
  return readSettings(db);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
