// Compiles resources/kb into what the app ships: kb.sqlite (content) and one search file per
// language (index.json for English, index.<language>.json for each translation, and
// index.<language>.frameworks.json for its framework entries), holding the postings of a lunr
// index and the typo keys of its words (search/search-file.ts).
// Runs at build time (scripts/build-kb.ts) and in tests; the app only ever opens the result.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildIndex, serialiseIndex, type KbDocument } from '../lunr-index';
import { KB_FILES } from '../locate';
import { indexFileName, indexKeyOf, languageOfKey } from '../search/index-files';
import { checkNcpSources } from '../../plans/ncp-sources';
import { entryPoints, getStartedSteps, translatedHome } from './home-content';
import { KbBuildError, readSources, type KbSources } from './read-sources';
import { readTranslations, type LanguageCount, type Translations } from './read-translations';
import { writeDatabase, type PassageRow } from './write-database';

export interface CompileReport {
  outDir: string;
  sections: number;
  frameworks: number;
  mechanisms: number;
  passages: number;
  /** Per language: translated sections, mechanisms and frameworks, reviewed or not, and out of date. */
  translations: LanguageCount[];
  /** Translations whose English original changed after they were written. */
  warnings: string[];
  databaseBytes: number;
  indexBytes: number;
}

export function compileKb(sourceDir: string, outDir: string): CompileReport {
  const sources = readSources(sourceDir);
  const problems: string[] = [];
  const entries = entryPoints(sources.sections, problems);
  const steps = getStartedSteps(sources.sections, problems);
  const translations = readTranslations(sourceDir, sources, problems);
  const home = translatedHome(sources.sections, translations.sections, entries, steps, problems);
  // The OECD adherents and NCP notes ship inside core (plans/ncp-sources.ts); checked here so a
  // bad file stops the build like any other knowledge-base error.
  problems.push(...checkNcpSources(sourceDir));
  if (problems.length > 0) throw new KbBuildError(problems);

  const passages = [...passageRows(sources), ...translatedPassageRows(sources, translations)];
  const indexFiles = indexesByLanguage(passages);

  // Write next to the target and rename, so a failed build never leaves half a knowledge base.
  fs.mkdirSync(outDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(outDir, '.staging-'));
  try {
    writeDatabase(path.join(stage, KB_FILES.database), {
      ...sources,
      passages,
      entryPoints: entries,
      getStarted: steps,
      translations,
      translatedHome: home,
      meta: {
        sourceHash: hashSources(sourceDir),
        // Word boundaries come from ICU; the loader can tell when the runtime's ICU differs.
        icu: process.versions.icu ?? 'unknown',
      },
    });
    for (const [file, text] of indexFiles) fs.writeFileSync(path.join(stage, file), text);
    for (const file of [KB_FILES.database, ...indexFiles.keys()]) fs.renameSync(path.join(stage, file), path.join(outDir, file));
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }

  return {
    outDir,
    sections: sources.sections.length,
    frameworks: sources.frameworks.length,
    mechanisms: sources.mechanisms.length,
    passages: passages.length,
    translations: translations.counts,
    warnings: translations.warnings,
    databaseBytes: fs.statSync(path.join(outDir, KB_FILES.database)).size,
    indexBytes: [...indexFiles.keys()].reduce((sum, file) => sum + fs.statSync(path.join(outDir, file)).size, 0),
  };
}

/** One passage per section heading, one per framework, one per mechanism. */
export function passageRows({ sections, frameworks, mechanisms }: KbSources): PassageRow[] {
  const rows: PassageRow[] = [];
  for (const section of sections) {
    for (const passage of section.passages) {
      rows.push({
        ref: `section:${section.id}#${passage.heading.anchor}`,
        language: 'en',
        kind: 'section',
        id: section.id,
        anchor: passage.heading.anchor,
        title: section.title,
        heading: passage.heading.text,
        body: passage.text,
      });
    }
  }
  for (const f of frameworks) {
    rows.push({
      ref: `framework:${f.id}`,
      language: 'en',
      kind: 'framework',
      id: f.id,
      anchor: null,
      title: f.name,
      heading: f.instrument,
      body: [f.protects, f.whyItMatters, f.status].join('\n'),
    });
  }
  for (const m of mechanisms) {
    rows.push({
      ref: `mechanism:${m.id}`,
      language: 'en',
      kind: 'mechanism',
      id: m.id,
      anchor: null,
      title: m.name,
      heading: '',
      // What a route publishes is searchable ("is our submission published under our name"). The
      // reprisal notes are not: the word recurs in every entry and would bury principle 04.
      body: [m.summary, m.whoCanUse, ...m.howTo, m.timing, m.scope, m.exposure.whatIsPublic, m.exposure.whoIsNamed].join('\n'),
    });
  }
  return rows;
}

/**
 * Translated passages, each language in an index of its own beside the English: a question in
 * Vietnamese meets the Vietnamese words, ranked by how common they are in Vietnamese. Translated
 * framework entries are indexed apart from their language's guidance (search/index-files.ts).
 */
export function translatedPassageRows({ mechanisms }: Pick<KbSources, 'mechanisms'>, translations: Translations): PassageRow[] {
  const rows: PassageRow[] = [];
  for (const t of translations.sections) {
    for (const passage of t.passages) {
      rows.push({
        ref: `section:${t.id}#${passage.heading.anchor}@${t.language}`,
        language: t.language,
        kind: 'section',
        id: t.id,
        anchor: passage.heading.anchor,
        title: t.title,
        heading: passage.heading.text,
        body: passage.text,
      });
    }
  }
  for (const t of translations.mechanisms) {
    const english = mechanisms.find((m) => m.id === t.id)!;
    rows.push({
      ref: `mechanism:${t.id}@${t.language}`,
      language: t.language,
      kind: 'mechanism',
      id: t.id,
      anchor: null,
      // An untranslated name stays English, which is also what people search for ("UPR", "OECD").
      title: t.name ?? english.name,
      heading: '',
      // Summary and steps only: with who can use it, timing, scope and exposure added as in the
      // English passage, the directory outranked the guidance (question suite, top 3: vi 15/15 →
      // 13/15, id, zh, th 13/13 → 12/13). The entry still shows every translated field.
      body: [t.summary, ...t.howTo].join('\n'),
    });
  }
  for (const t of translations.frameworks) {
    rows.push({
      ref: `framework:${t.id}@${t.language}`,
      language: t.language,
      kind: 'framework',
      id: t.id,
      anchor: null,
      title: t.name,
      heading: t.instrument ?? '',
      body: [t.protects, t.whyItMatters, t.status].filter(Boolean).join('\n'),
    });
  }
  return rows;
}

/**
 * One serialised index per language (file name → JSON), and one per language for its translated
 * framework entries. Each file's word statistics stay its own, and the app reads only the
 * languages a search needs (see search/index-files.ts).
 */
function indexesByLanguage(passages: PassageRow[]): Map<string, string> {
  const byKey = new Map<string, KbDocument[]>();
  for (const row of passages) {
    const key = indexKeyOf(row);
    const documents = byKey.get(key) ?? [];
    documents.push(toDocument(row));
    byKey.set(key, documents);
  }
  const files = new Map<string, string>();
  for (const [key, documents] of byKey) {
    const language = languageOfKey(key);
    files.set(indexFileName(key), JSON.stringify(serialiseIndex(buildIndex(documents, language), documents, language)));
  }
  return files;
}

const toDocument = (row: PassageRow): KbDocument => ({ ref: row.ref, title: row.title, heading: row.heading, body: row.body });

function hashSources(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}
