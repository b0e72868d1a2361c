// Markdown renderer of the export document model. User text is escaped, so what someone typed
// ("# 1", "*urgent*", "<b>") reads the same in any Markdown viewer instead of becoming markup:
// with '[', '<' and '&' escaped no link, image or HTML can be written, and with "://" and "www."
// escaped a viewer's autolinking (GFM) does not turn an address in the text into a link either.
import { displayDate, type Block, type ExportDocument, type Inline } from './document';

const SPECIAL = /[\\`*_[\]<>|~&]/g;

function escapeText(value: string): string {
  return value
    .replace(SPECIAL, (char) => `\\${char}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>+-]|\d+[.)])/, '$1\\$2'))
    .join('  \n');
}

function inline(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (part.code) return codeSpan(part.text);
      let out = escapeText(part.text);
      if (part.italic) out = `_${out}_`;
      if (part.bold) out = `**${out}**`;
      return out;
    })
    .join('');
}

/** A code span that survives backticks inside the value. */
function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ` ${value} ` : value}${fence}`;
}

function cell(value: string, code: boolean): string {
  const flat = value.replace(/\s*\n\s*/g, ' ');
  return code ? codeSpan(flat).replace(/\|/g, '\\|') : escapeText(flat);
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeText(b.text)}`;
    case 'paragraph':
      // A numbered paragraph is a one-item list starting at its number: viewers keep the number.
      return b.number === undefined ? inline(b.parts) : `${b.number}. ${inline(b.parts).replace(/\n/g, `\n${' '.repeat(String(b.number).length + 2)}`)}`;
    case 'quote':
      return escapeText(b.text)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item).replace(/\n/g, '\n   ')}`).join('\n');
    case 'fields':
      return ['| | |', '| --- | --- |', ...b.rows.map(([label, value]) => `| **${cell(label, false)}** | ${cell(value, Boolean(value) && (b.code ?? []).includes(label)) || '—'} |`)].join('\n');
    case 'table': {
      const code = new Set(b.code ?? []);
      return [
        `| ${b.columns.map((c) => cell(c, false)).join(' | ')} |`,
        `| ${b.columns.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map((value, i) => cell(value, code.has(i))).join(' | ')} |`),
      ].join('\n');
    }
    case 'pageBreak':
      return '---';
  }
}

export function renderMarkdown(doc: ExportDocument): string {
  const head = [`# ${escapeText(doc.title)}`, `_${escapeText(doc.subtitle)} · ${displayDate(doc.generatedAt, doc.locale)}_`];
  return `${[...head, ...doc.blocks.map(block)].join('\n\n')}\n`;
}
