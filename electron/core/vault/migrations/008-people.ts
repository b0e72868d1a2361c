import type { Migration } from './types';

/**
 * The people register: who must never be named in what leaves the vault, with every way they can
 * be recognised. The identifier lists are JSON arrays. The table is in the vault (so encrypted with
 * it and copied by full backups) and in no revision, search entry or bundle; deleting a person
 * really deletes the row (the vault runs with secure_delete).
 */
export const people: Migration = {
  version: 8,
  description: 'the people register for the identity check',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        real_name TEXT NOT NULL,
        pseudonym TEXT NOT NULL,
        given_name TEXT NOT NULL,
        aliases TEXT NOT NULL CHECK (json_valid(aliases)),
        handles TEXT NOT NULL CHECK (json_valid(handles)),
        emails TEXT NOT NULL CHECK (json_valid(emails)),
        phones TEXT NOT NULL CHECK (json_valid(phones)),
        urls TEXT NOT NULL CHECK (json_valid(urls)),
        other_scripts TEXT NOT NULL CHECK (json_valid(other_scripts)),
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_by_name ON people(real_name COLLATE NOCASE, id);
    `);
  },
};
