import type { VaultDatabase } from '../vault/open';

// In the vault's settings table, beside the vault's own settings (which use their own prefix).
const KEY = 'home.getStarted';

export function readChecklist(db: VaultDatabase): string[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  // The row may come from a restored backup: a value that is not a short list of ids is ignored.
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string' && id.length <= 100).slice(0, 100) : [];
}

export function writeChecklist(db: VaultDatabase, done: string[]): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify([...new Set(done)]));
}
