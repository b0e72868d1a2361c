// The identity check reads an export through the same document model its renderers print, so every
// word that reaches the Markdown, HTML, PDF or DOCX file is checked, in every format alike, and
// replacements reach every format too. Hashes and ids (shown monospaced) are neither checked nor
// changed: they are the app's hex and UUIDs, never names, and changing one would break the evidence.
import type { IdentityPlace } from '@shared/api/identity';
import type { Block, ExportDocument, Inline } from '../exports/document';

/**
 * Every printed text of the document, named by the nearest heading and what it is; blocks of the
 * app's own words (`toolkit`) are left out, as they hold nothing from the user's records.
 */
export function documentPlaces(doc: ExportDocument): IdentityPlace[] {
  const places: IdentityPlace[] = [];
  const add = (where: string, text: string) => {
    if (text.trim()) places.push({ where, text });
  };
  add('Title', doc.title);
  add('Subtitle', doc.subtitle);
  let section = doc.title;
  for (const block of doc.blocks) {
    if (block.toolkit) {
      if (block.kind === 'heading') section = block.text;
      continue;
    }
    switch (block.kind) {
      case 'heading':
        add('Heading', block.text);
        section = block.text;
        break;
      case 'paragraph':
        add(section, plainText(block.parts));
        break;
      case 'quote':
        add(`${section} · Quotation`, block.text);
        break;
      case 'list':
        block.items.forEach((item, i) => add(`${section} · Item ${i + 1}`, plainText(item)));
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          if (block.code?.includes(label) || block.toolkitRows?.includes(label)) continue;
          add(`${section} · Label`, label);
          add(`${section} · ${label}`, value);
        }
        break;
      case 'table':
        block.columns.forEach((column) => add(`${section} · Column`, column));
        block.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!block.code?.includes(c)) add(`${section} · Row ${r + 1} · ${block.columns[c] ?? ''}`, cell);
          }),
        );
        break;
      case 'pageBreak':
        break;
    }
  }
  return places;
}

/** The document with `change` applied to every printed text except hashes and ids. */
export function mapDocumentText(doc: ExportDocument, change: (text: string) => string): ExportDocument {
  const parts = (inlines: Inline[]) => inlines.map((part) => (part.code ? part : { ...part, text: change(part.text) }));
  const blocks = doc.blocks.map((block): Block => {
    switch (block.kind) {
      case 'heading':
        return { ...block, text: change(block.text) };
      case 'paragraph':
        return { ...block, parts: parts(block.parts) };
      case 'quote':
        return { ...block, text: change(block.text) };
      case 'list':
        return { ...block, items: block.items.map(parts) };
      case 'fields':
        // The code list names rows by label, so a label keeps its text when its value is a hash.
        return { ...block, rows: block.rows.map(([label, value]): [string, string] => (block.code?.includes(label) ? [label, value] : [change(label), change(value)])) };
      case 'table':
        return {
          ...block,
          columns: block.columns.map((column, c) => (block.code?.includes(c) ? column : change(column))),
          rows: block.rows.map((row) => row.map((cell, c) => (block.code?.includes(c) ? cell : change(cell)))),
        };
      case 'pageBreak':
        return block;
    }
  });
  return { ...doc, title: change(doc.title), subtitle: change(doc.subtitle), blocks };
}

/** The words of a paragraph as a reader sees them; monospaced parts (hashes, ids) left out. */
function plainText(inlines: Inline[]): string {
  return inlines.map((part) => (part.code ? ' ' : part.text)).join('');
}
