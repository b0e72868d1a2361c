import type { VaultDatabase } from '../vault/open';

// In the vault's settings table, beside the vault's own settings (which use their own prefix).
const KEY = 'home.getStarted';

export function readChecklist(db: VaultDatabase): string[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  const parsed: unknown = JSON.parse(row.value);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

export function writeChecklist(db: VaultDatabase, done: string[]): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify([...new Set(done)]));
}
