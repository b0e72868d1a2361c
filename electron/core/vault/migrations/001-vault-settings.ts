import type { Migration } from './types';

/** Key/value settings stored inside the encrypted vault (auto-lock, backups; later domains too). */
export const vaultSettings: Migration = {
  version: 1,
  description: 'settings table',
  up(db) {
    db.exec(`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT`);
  },
};
