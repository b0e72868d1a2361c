// The only place the people register's SQL lives.
import type { Person } from '@shared/api/identity';
import type { VaultDatabase } from '../vault/open';
import type { CheckPerson } from './registered';

interface PersonRow {
  id: string;
  real_name: string;
  pseudonym: string;
  given_name: string;
  aliases: string;
  handles: string;
  emails: string;
  phones: string;
  urls: string;
  other_scripts: string;
  note: string;
  created_at: string;
  updated_at: string;
}

const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  realName: row.real_name,
  pseudonym: row.pseudonym,
  givenName: row.given_name,
  aliases: JSON.parse(row.aliases) as string[],
  handles: JSON.parse(row.handles) as string[],
  emails: JSON.parse(row.emails) as string[],
  phones: JSON.parse(row.phones) as string[],
  urls: JSON.parse(row.urls) as string[],
  otherScripts: JSON.parse(row.other_scripts) as string[],
  note: row.note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function listPeople(db: VaultDatabase): Person[] {
  return (db.prepare('SELECT * FROM people ORDER BY real_name COLLATE NOCASE, id').all() as PersonRow[]).map(toPerson);
}

export function findPerson(db: VaultDatabase, id: string): Person | undefined {
  const row = db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return row ? toPerson(row) : undefined;
}

export function upsertPerson(db: VaultDatabase, person: Person): void {
  db.prepare(
    `INSERT INTO people (id, real_name, pseudonym, given_name, aliases, handles, emails, phones, urls, other_scripts, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET real_name = excluded.real_name, pseudonym = excluded.pseudonym, given_name = excluded.given_name,
       aliases = excluded.aliases, handles = excluded.handles, emails = excluded.emails, phones = excluded.phones, urls = excluded.urls,
       other_scripts = excluded.other_scripts, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(
    person.id,
    person.realName,
    person.pseudonym,
    person.givenName,
    JSON.stringify(person.aliases),
    JSON.stringify(person.handles),
    JSON.stringify(person.emails),
    JSON.stringify(person.phones),
    JSON.stringify(person.urls),
    JSON.stringify(person.otherScripts),
    person.note,
    person.createdAt,
    person.updatedAt,
  );
}

/** True when a row was deleted. */
export function deletePersonRow(db: VaultDatabase, id: string): boolean {
  return db.prepare('DELETE FROM people WHERE id = ?').run(id).changes > 0;
}

/**
 * Every assessment stakeholder with a private real name, as a person of the register printed under
 * the stakeholder's pseudonym. The pseudonym lives in the assessment's document.
 */
export function stakeholderPeople(db: VaultDatabase): CheckPerson[] {
  const rows = db
    .prepare(
      `SELECT n.stakeholder_id AS id, n.real_name AS realName, coalesce(json_extract(s.value, '$.pseudonym'), '') AS pseudonym
       FROM assessment_private_names n
       JOIN assessments a ON a.id = n.assessment_id
       JOIN json_each(a.doc, '$.stakeholders') s ON json_extract(s.value, '$.id') = n.stakeholder_id
       ORDER BY n.assessment_id, n.stakeholder_id`,
    )
    .all() as Array<{ id: string; realName: string; pseudonym: string }>;
  return rows;
}
