// Unsaved editor state, kept inside the vault (never in browser storage or a temp file), so
// nothing typed is lost when the vault locks, the app crashes or the window closes.
import type { VaultDatabase } from '../vault/open';

const MAX_DRAFT_CHARS = 2_000_000;

export function saveDraft(db: VaultDatabase, key: string, content: unknown, at: string): void {
  const json = JSON.stringify(content ?? null);
  if (json.length > MAX_DRAFT_CHARS) throw new RangeError('draft too large');
  db.prepare(
    'INSERT INTO drafts (key, content, saved_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at',
  ).run(key, json, at);
}

export function readDraft(db: VaultDatabase, key: string): { content: unknown; savedAt: string } | null {
  const row = db.prepare('SELECT content, saved_at AS savedAt FROM drafts WHERE key = ?').get(key) as { content: string; savedAt: string } | undefined;
  return row ? { content: JSON.parse(row.content) as unknown, savedAt: row.savedAt } : null;
}

export function discardDraft(db: VaultDatabase, key: string): void {
  db.prepare('DELETE FROM drafts WHERE key = ?').run(key);
}
