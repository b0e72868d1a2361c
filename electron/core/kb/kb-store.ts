// Reads the compiled knowledge base (kb.sqlite). Read-only: the file ships with the app and is
// replaced only by a new build.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Heading, KbHome, SectionSummary, TranslationInfo } from '@shared/api/kb';
import type { FrameworkTranslation, MechanismTranslation, NcpTranslation } from './compile/read-translations';
import type { PassageRow } from './compile/write-database';
import type { FrameworkSource, MechanismSource, TreatyStatusFile } from './source-schema';

interface SectionRow {
  id: string;
  ord: number;
  title: string;
  summary: string;
  markdown: string;
  headings: string;
}

export interface StoredSection extends SectionSummary {
  markdown: string;
  headings: Heading[];
}

export interface StoredSectionTranslation extends TranslationInfo {
  id: string;
  title: string;
  summary: string;
  markdown: string;
  headings: Heading[];
}

export type StoredMechanismTranslation = MechanismTranslation;

export interface StoredHomeTranslation {
  language: string;
  part: 'question' | 'step';
  ord: number;
  markdown: string;
}

interface TranslationFlags {
  language: string;
  reviewed: number;
  outdated: number;
}

const parseOrNull = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));
/**
 * A filter on the language column, for readers that take one: the service reads a translation's
 * rows when that language is first asked for, since turning every language's text into strings
 * at start-up cost more than the rest of the start-up together.
 */
const inLanguage = (language: string | undefined): { where: string; args: string[] } =>
  language === undefined ? { where: '', args: [] } : { where: ' WHERE language = ?', args: [language] };
const flags = (row: TranslationFlags): TranslationInfo => ({ language: row.language, reviewed: row.reviewed === 1, outdated: row.outdated === 1 });

export class KbStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  close(): void {
    this.db.close();
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  passages(language?: string): Map<string, PassageRow> {
    const { where, args } = inLanguage(language);
    const rows = this.db.prepare(`SELECT ref, language, kind, id, anchor, title, heading, body FROM passages${where}`).all(...args) as PassageRow[];
    return new Map(rows.map((row) => [row.ref, row]));
  }

  /** Each language and kind the passages hold, without reading their text. */
  passageKinds(): Array<Pick<PassageRow, 'language' | 'kind'>> {
    return this.db.prepare('SELECT DISTINCT language, kind FROM passages').all() as Array<Pick<PassageRow, 'language' | 'kind'>>;
  }

  sections(): StoredSection[] {
    const rows = this.db.prepare('SELECT id, ord, title, summary, markdown, headings FROM sections ORDER BY ord').all() as SectionRow[];
    return rows.map((row) => ({
      id: row.id,
      order: row.ord,
      title: row.title,
      summary: row.summary,
      markdown: row.markdown,
      headings: JSON.parse(row.headings) as Heading[],
    }));
  }

  /** Sections whose text links to the given framework or mechanism. */
  sectionsLinkingTo(kind: 'mechanism' | 'framework', id: string): string[] {
    const rows = this.db.prepare('SELECT section_id FROM section_links WHERE kind = ? AND target_id = ?').all(kind, id) as Array<{ section_id: string }>;
    return rows.map((row) => row.section_id);
  }

  frameworks(): FrameworkSource[] {
    return this.jsonRows<FrameworkSource>('SELECT data FROM frameworks ORDER BY ord');
  }

  mechanisms(): MechanismSource[] {
    return this.jsonRows<MechanismSource>('SELECT data FROM mechanisms ORDER BY ord');
  }

  treatyStatus(): TreatyStatusFile[] {
    return this.jsonRows<TreatyStatusFile>('SELECT data FROM treaty_status ORDER BY treaty');
  }

  entryPoints(): Array<Pick<KbHome['entryPoints'][number], 'key' | 'question' | 'sectionId'>> {
    return this.db.prepare('SELECT key, question, section_id AS sectionId FROM entry_points ORDER BY ord').all() as Array<
      Pick<KbHome['entryPoints'][number], 'key' | 'question' | 'sectionId'>
    >;
  }

  getStarted(): string[] {
    return (this.db.prepare('SELECT markdown FROM get_started ORDER BY ord').all() as Array<{ markdown: string }>).map((row) => row.markdown);
  }

  sectionTranslations(language?: string): StoredSectionTranslation[] {
    const { where, args } = inLanguage(language);
    const rows = this.db
      .prepare(`SELECT id, language, reviewed, outdated, title, summary, markdown, headings FROM section_translations${where}`)
      .all(...args) as Array<TranslationFlags & { id: string; title: string; summary: string; markdown: string; headings: string }>;
    return rows.map((row) => ({
      ...flags(row),
      id: row.id,
      title: row.title,
      summary: row.summary,
      markdown: row.markdown,
      headings: JSON.parse(row.headings) as Heading[],
    }));
  }

  mechanismTranslations(language?: string): StoredMechanismTranslation[] {
    const { where, args } = inLanguage(language);
    const rows = this.db
      .prepare(
        `SELECT id, language, reviewed, outdated, name, summary, how_to, exposure, reprisal_notes, who_can_use, timing, scope, unverified, dated_facts FROM mechanism_translations${where}`,
      )
      .all(...args) as Array<
      TranslationFlags & {
        id: string;
        name: string | null;
        summary: string;
        how_to: string;
        exposure: string | null;
        reprisal_notes: string | null;
        who_can_use: string | null;
        timing: string | null;
        scope: string | null;
        unverified: string | null;
        dated_facts: string | null;
      }
    >;
    return rows.map((row) => ({
      ...flags(row),
      id: row.id,
      name: row.name,
      summary: row.summary,
      howTo: JSON.parse(row.how_to) as string[],
      exposure: parseOrNull<MechanismSource['exposure']>(row.exposure),
      reprisalNotes: parseOrNull<string[]>(row.reprisal_notes),
      whoCanUse: row.who_can_use,
      timing: row.timing,
      scope: row.scope,
      unverified: parseOrNull<string[]>(row.unverified),
      datedFacts: parseOrNull<MechanismTranslation['datedFacts']>(row.dated_facts),
    }));
  }

  /** The OECD NCP practice notes per language that translated them. */
  ncpTranslations(language?: string): NcpTranslation[] {
    const { where, args } = inLanguage(language);
    const rows = this.db.prepare(`SELECT language, reviewed, outdated, general, ncps FROM ncp_translations${where}`).all(...args) as Array<
      TranslationFlags & { general: string | null; ncps: string }
    >;
    return rows.map((row) => ({ ...flags(row), general: parseOrNull<string[]>(row.general), ncps: JSON.parse(row.ncps) as NcpTranslation['ncps'] }));
  }

  frameworkTranslations(language?: string): FrameworkTranslation[] {
    const { where, args } = inLanguage(language);
    const rows = this.db
      .prepare(`SELECT id, language, reviewed, outdated, data FROM framework_translations${where}`)
      .all(...args) as Array<TranslationFlags & { id: string; data: string }>;
    return rows.map((row) => ({ ...(JSON.parse(row.data) as Omit<FrameworkTranslation, 'id' | keyof TranslationInfo>), ...flags(row), id: row.id }));
  }

  homeTranslations(language?: string): StoredHomeTranslation[] {
    const { where, args } = inLanguage(language);
    return this.db.prepare(`SELECT language, part, ord, markdown FROM home_translations${where} ORDER BY language, part, ord`).all(...args) as StoredHomeTranslation[];
  }

  private jsonRows<T>(sql: string): T[] {
    return (this.db.prepare(sql).all() as Array<{ data: string }>).map((row) => JSON.parse(row.data) as T);
  }
}
