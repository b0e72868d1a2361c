// `npm run build:kb`: compiles resources/kb into out/kb (kb.sqlite + one search index per
// language). Runs first in `npm run build`; a content error stops the build with the list of what to fix.
import path from 'node:path';
import { compileKb } from '../electron/core/kb/compile/compile-kb';
import { KbBuildError } from '../electron/core/kb/compile/read-sources';
import { KB_BUILD_DIR } from '../electron/core/kb/locate';

const root = path.resolve(import.meta.dirname, '..');
try {
  const report = compileKb(path.join(root, 'resources/kb'), path.join(root, KB_BUILD_DIR));
  console.log(
    `Knowledge base: ${report.sections} sections, ${report.frameworks} frameworks, ${report.mechanisms} mechanisms, ` +
      `${report.passages} passages → ${path.relative(root, report.outDir)} (db ${report.databaseBytes} B, index ${report.indexBytes} B)`,
  );
  for (const { language, reviewed, unreviewed, outdated } of report.translations) {
    console.log(`  ${language}: ${reviewed + unreviewed} translated (${reviewed} reviewed, ${unreviewed} not yet reviewed, ${outdated} older than the English)`);
  }
  for (const warning of report.warnings) console.warn(`  warning: ${warning}`);
} catch (error) {
  console.error(error instanceof KbBuildError ? error.message : `The knowledge base could not be built: ${(error as Error).message}`);
  process.exit(1);
}
