// No component renders English written into its markup: every JSX text and every attribute a
// person sees or hears (aria-label, placeholder, title, alt, label) comes from the catalogues.
// Read from the source with the TypeScript parser, so it covers every screen, including ones no
// end-to-end journey reaches; the pseudo-locale journeys check the rendered pages as well.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SOURCE = path.resolve('renderer/src');
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'title', 'alt', 'label']);
const WORDS = /[A-Za-z]{2}/;

/** Text that is the same in every language: algorithm names and unit symbols. */
const ALLOWED = new Set(['SHA-256', 'KB']);

function components(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return components(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

const literalText = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** Literal English a file's JSX renders, as "line: text". */
function literalsIn(fileName: string, code: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.trim();
    if (WORDS.test(trimmed) && !ALLOWED.has(trimmed)) {
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${trimmed.slice(0, 80)}`);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    // {'Some text'} as a child of an element
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const text = literalText(value);
      if (text !== undefined) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('literal English in components', () => {
  it('finds none in any component of the renderer', () => {
    const files = components(SOURCE);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      literalsIn(file, fs.readFileSync(file, 'utf8')).map((line) => `${path.relative(SOURCE, file)}:${line}`),
    );
    expect(found).toEqual([]);
  });

  it('would see literal text, a literal label and a literal string child (the scan is not blind)', () => {
    const code = `
      export const A = ({ t }: { t: (k: string) => string }) => (
        <form aria-label={t('form.label')}>
          <p>{t('ok')}</p>
          <p>Save changes</p>
          <input placeholder="Search the diary" title={'Search'} />
          <span>{'Delete'}</span>
          <code>SHA-256</code> · {count}
        </form>
      );`;
    expect(literalsIn('A.tsx', code)).toEqual(['5: Save changes', '6: Search the diary', '6: Search', '7: Delete']);
  });
});
