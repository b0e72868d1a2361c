// Unsaved editor state, kept inside the vault (never in browser storage or a temp file), so
// nothing typed is lost when the vault locks, the app crashes or the window closes.
//
// Two steps: the editor writes a draft to the vault a moment after typing stops (saveDraft), and
// sends every change at once to be *staged* in memory (stageDraft). Whatever is staged is written
// when the vault locks, by any route (button, shortcut, idle, suspend, panic, quit), before the
// database closes: a lock a fraction of a second after the last keystroke keeps those words.
import type { VaultDatabase } from '../vault/open';

const MAX_DRAFT_CHARS = 2_000_000;

interface Staged {
  json: string;
  at: string;
}

/** Staged drafts belong to one open connection: a lock closes it, and its staging goes with it. */
const stagedByDatabase = new WeakMap<VaultDatabase, Map<string, Staged>>();

function toJson(content: unknown): string {
  const json = JSON.stringify(content ?? null);
  if (json.length > MAX_DRAFT_CHARS) throw new RangeError('draft too large');
  return json;
}

export function saveDraft(db: VaultDatabase, key: string, content: unknown, at: string): void {
  const json = toJson(content);
  writeDraft(db, key, json, at);
  // A newer change may have been staged while this save was on its way: keep that one.
  const staged = stagedByDatabase.get(db);
  if (staged?.get(key)?.json === json) staged.delete(key);
}

function writeDraft(db: VaultDatabase, key: string, json: string, at: string): void {
  db.prepare(
    'INSERT INTO drafts (key, content, saved_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at',
  ).run(key, json, at);
}

/** Holds the editor's latest state in memory until the next save or lock; writes nothing now. */
export function stageDraft(db: VaultDatabase, key: string, content: unknown, at: string): void {
  const json = toJson(content);
  let staged = stagedByDatabase.get(db);
  if (!staged) {
    staged = new Map();
    stagedByDatabase.set(db, staged);
  }
  staged.set(key, { json, at });
}

/**
 * Writes every staged draft in one transaction and forgets them. The vault calls this as it
 * locks, before the database closes; one small write, so the lock stays prompt.
 */
export function writeStagedDrafts(db: VaultDatabase): number {
  const staged = stagedByDatabase.get(db);
  if (!staged || staged.size === 0) return 0;
  const entries = [...staged];
  staged.clear();
  db.transaction(() => {
    for (const [key, { json, at }] of entries) writeDraft(db, key, json, at);
  })();
  return entries.length;
}

export function readDraft(db: VaultDatabase, key: string): { content: unknown; savedAt: string } | null {
  const row = db.prepare('SELECT content, saved_at AS savedAt FROM drafts WHERE key = ?').get(key) as { content: string; savedAt: string } | undefined;
  return row ? { content: JSON.parse(row.content) as unknown, savedAt: row.savedAt } : null;
}

export function discardDraft(db: VaultDatabase, key: string): void {
  stagedByDatabase.get(db)?.delete(key);
  db.prepare('DELETE FROM drafts WHERE key = ?').run(key);
}
