// Writes the read-only knowledge-base database. The schema here and the reads in ../kb-store.ts
// are the only SQL of the knowledge base.
import Database from 'better-sqlite3-multiple-ciphers';
import type { EntryPointRow, TranslatedHomeRow } from './home-content';
import type { KbSources } from './read-sources';
import type { Translations } from './read-translations';

export interface PassageRow {
  ref: string;
  /** 'en' for the English original, else the translation's language code. */
  language: string;
  kind: 'section' | 'framework' | 'mechanism';
  id: string;
  anchor: string | null;
  title: string;
  heading: string;
  body: string;
}

export interface DatabaseContent extends KbSources {
  passages: PassageRow[];
  entryPoints: EntryPointRow[];
  getStarted: string[];
  translations: Pick<Translations, 'sections' | 'mechanisms' | 'frameworks' | 'ncps'>;
  translatedHome: TranslatedHomeRow[];
  meta: Record<string, string>;
}

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE sections (
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL UNIQUE, title TEXT NOT NULL, summary TEXT NOT NULL,
    entry_point TEXT NOT NULL, markdown TEXT NOT NULL, headings TEXT NOT NULL
  );
  CREATE TABLE section_links (section_id TEXT NOT NULL, kind TEXT NOT NULL, target_id TEXT NOT NULL,
    PRIMARY KEY (section_id, kind, target_id));
  CREATE TABLE frameworks (id TEXT PRIMARY KEY, ord INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE mechanisms (id TEXT PRIMARY KEY, ord INTEGER NOT NULL, data TEXT NOT NULL);
  CREATE TABLE treaty_status (treaty TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE passages (
    ref TEXT PRIMARY KEY, language TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, anchor TEXT,
    title TEXT NOT NULL, heading TEXT NOT NULL, body TEXT NOT NULL
  );
  -- Start-up asks which languages and kinds have passages, then reads one language's when needed.
  CREATE INDEX passages_by_language ON passages (language, kind);
  CREATE TABLE entry_points (ord INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, question TEXT NOT NULL, section_id TEXT NOT NULL);
  CREATE TABLE get_started (ord INTEGER PRIMARY KEY, markdown TEXT NOT NULL);
  CREATE TABLE section_translations (
    id TEXT NOT NULL, language TEXT NOT NULL, reviewed INTEGER NOT NULL, outdated INTEGER NOT NULL,
    title TEXT NOT NULL, summary TEXT NOT NULL, markdown TEXT NOT NULL, headings TEXT NOT NULL,
    PRIMARY KEY (id, language)
  );
  CREATE TABLE mechanism_translations (
    id TEXT NOT NULL, language TEXT NOT NULL, reviewed INTEGER NOT NULL, outdated INTEGER NOT NULL,
    name TEXT, summary TEXT NOT NULL, how_to TEXT NOT NULL, exposure TEXT, reprisal_notes TEXT,
    who_can_use TEXT, timing TEXT, scope TEXT, unverified TEXT, dated_facts TEXT, PRIMARY KEY (id, language)
  );
  CREATE TABLE ncp_translations (
    language TEXT PRIMARY KEY, reviewed INTEGER NOT NULL, outdated INTEGER NOT NULL, general TEXT, ncps TEXT NOT NULL
  );
  CREATE TABLE framework_translations (
    id TEXT NOT NULL, language TEXT NOT NULL, reviewed INTEGER NOT NULL, outdated INTEGER NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (id, language)
  );
  CREATE TABLE home_translations (
    language TEXT NOT NULL, part TEXT NOT NULL, ord INTEGER NOT NULL, markdown TEXT NOT NULL,
    PRIMARY KEY (language, part, ord)
  );
`;

export function writeDatabase(file: string, content: DatabaseContent): void {
  const db = new Database(file);
  try {
    // Rollback journal, not WAL: the shipped file must be one self-contained file.
    db.pragma('journal_mode = DELETE');
    db.exec(SCHEMA);
    db.transaction(() => {
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [key, value] of Object.entries(content.meta)) meta.run(key, value);

      const section = db.prepare('INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?)');
      const link = db.prepare('INSERT OR IGNORE INTO section_links VALUES (?, ?, ?)');
      for (const s of content.sections) {
        section.run(s.id, s.order, s.title, s.summary, s.entryPoint, s.markdown, JSON.stringify(s.headings));
        for (const l of s.links) link.run(s.id, l.kind, l.id);
      }
      const framework = db.prepare('INSERT INTO frameworks VALUES (?, ?, ?)');
      content.frameworks.forEach((f, i) => framework.run(f.id, i, JSON.stringify(f)));
      const mechanism = db.prepare('INSERT INTO mechanisms VALUES (?, ?, ?)');
      content.mechanisms.forEach((m, i) => mechanism.run(m.id, i, JSON.stringify(m)));
      const treaty = db.prepare('INSERT INTO treaty_status VALUES (?, ?)');
      for (const t of content.treatyStatus) treaty.run(t.treaty, JSON.stringify(t));
      const passage = db.prepare('INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const p of content.passages) passage.run(p.ref, p.language, p.kind, p.id, p.anchor, p.title, p.heading, p.body);
      const entry = db.prepare('INSERT INTO entry_points VALUES (?, ?, ?, ?)');
      content.entryPoints.forEach((e, i) => entry.run(i, e.key, e.question, e.sectionId));
      const step = db.prepare('INSERT INTO get_started VALUES (?, ?)');
      content.getStarted.forEach((markdown, i) => step.run(i, markdown));
      const sectionT = db.prepare('INSERT INTO section_translations VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const t of content.translations.sections) {
        sectionT.run(t.id, t.language, Number(t.reviewed), Number(t.outdated), t.title, t.summary, t.markdown, JSON.stringify(t.headings));
      }
      const mechanismT = db.prepare('INSERT INTO mechanism_translations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const jsonOrNull = (value: unknown) => (value === null ? null : JSON.stringify(value));
      for (const t of content.translations.mechanisms) {
        mechanismT.run(
          t.id,
          t.language,
          Number(t.reviewed),
          Number(t.outdated),
          t.name,
          t.summary,
          JSON.stringify(t.howTo),
          jsonOrNull(t.exposure),
          jsonOrNull(t.reprisalNotes),
          t.whoCanUse,
          t.timing,
          t.scope,
          jsonOrNull(t.unverified),
          jsonOrNull(t.datedFacts),
        );
      }
      const ncpT = db.prepare('INSERT INTO ncp_translations VALUES (?, ?, ?, ?, ?)');
      for (const t of content.translations.ncps) ncpT.run(t.language, Number(t.reviewed), Number(t.outdated), jsonOrNull(t.general), JSON.stringify(t.ncps));
      const frameworkT = db.prepare('INSERT INTO framework_translations VALUES (?, ?, ?, ?, ?)');
      for (const { id, language, reviewed, outdated, ...fields } of content.translations.frameworks) {
        frameworkT.run(id, language, Number(reviewed), Number(outdated), JSON.stringify(fields));
      }
      const homeT = db.prepare('INSERT INTO home_translations VALUES (?, ?, ?, ?)');
      for (const row of content.translatedHome) homeT.run(row.language, row.part, row.ord, row.markdown);
    })();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}
