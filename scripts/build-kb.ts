// `npm run build:kb`: compiles resources/kb into out/kb (kb.sqlite + one search index per
// language). Runs first in `npm run build`; a content error stops the build with the list of what to fix.
import path from 'node:path';
import { compileKb } from '../electron/core/kb/compile/compile-kb';
import { KbBuildError } from '../electron/core/kb/compile/read-sources';
import { KbStore } from '../electron/core/kb/kb-store';
import { KB_BUILD_DIR, KB_FILES } from '../electron/core/kb/locate';
import { KbSearcher } from '../electron/core/kb/search/searcher';

const root = path.resolve(import.meta.dirname, '..');
/** The directory's fields a translation may leave out, as they read in kb.sqlite. */
const MECHANISM_FIELDS = ['name', 'scope', 'whoCanUse', 'timing', 'exposure', 'reprisalNotes', 'datedFacts', 'unverified'] as const;
try {
  const report = compileKb(path.join(root, 'resources/kb'), path.join(root, KB_BUILD_DIR));
  console.log(
    `Knowledge base: ${report.sections} sections, ${report.frameworks} frameworks, ${report.mechanisms} mechanisms, ` +
      `${report.passages} passages → ${path.relative(root, report.outDir)} (db ${report.databaseBytes} B, index ${report.indexBytes} B)`,
  );
  for (const { language, reviewed, unreviewed, outdated, kinds } of report.translations) {
    console.log(
      `  ${language}: ${reviewed + unreviewed} translated (${reviewed} reviewed, ${unreviewed} not yet reviewed, ${outdated} older than the English): ` +
        `${kinds.sections} sections, ${kinds.mechanisms} mechanisms, ${kinds.frameworks} frameworks`,
    );
  }
  for (const line of fieldCounts(report.outDir)) console.log(line);
  for (const warning of report.warnings) console.warn(`  warning: ${warning}`);
  checkSearchFiles(report.outDir);
} catch (error) {
  console.error(error instanceof KbBuildError ? error.message : `The knowledge base could not be built: ${(error as Error).message}`);
  process.exit(1);
}

/**
 * Per language, from what was written: how many translated directory entries carry each field a
 * translation may leave out (the rest show it in English), and how much of the OECD NCP notes it has.
 */
function fieldCounts(dir: string): string[] {
  const store = new KbStore(path.join(dir, KB_FILES.database));
  try {
    const mechanisms = store.mechanismTranslations();
    const ncps = new Map(store.ncpTranslations().map((t) => [t.language, t]));
    const languages = [...new Set([...mechanisms.map((m) => m.language), ...ncps.keys()])].sort();
    return languages.map((language) => {
      const entries = mechanisms.filter((m) => m.language === language);
      const fields = MECHANISM_FIELDS.map((field) => `${field} ${entries.filter((m) => m[field] !== null).length}`).join(', ');
      const ncp = ncps.get(language);
      const ncpLine = ncp
        ? `general facts ${ncp.general ? 'translated' : 'in English'}, ${Object.values(ncp.ncps).filter((n) => n.name).length} names, ` +
          `${Object.values(ncp.ncps).filter((n) => n.facts).length} NCPs' facts${ncp.reviewed ? '' : ' (not yet reviewed)'}`
        : 'none (English)';
      return `  ${language}: of ${entries.length} directory entries: ${fields}; OECD NCP notes: ${ncpLine}`;
    });
  } finally {
    store.close();
  }
}

/**
 * Opens what was written as the app will: every language with passages in kb.sqlite needs its
 * search file, in this version's format, built from those same passages. The app refuses a
 * missing or stale file at run time; this makes the build refuse it first.
 */
function checkSearchFiles(dir: string): void {
  const store = new KbStore(path.join(dir, KB_FILES.database));
  let problems: string[];
  try {
    problems = new KbSearcher(dir, store.passages()).problems();
  } finally {
    store.close();
  }
  if (problems.length > 0) throw new Error(`the search index files do not match kb.sqlite:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
