// Self-contained HTML renderer of the export document model: inline CSS, no scripts, no external
// resources, and a Content-Security-Policy that forbids loading any, so opening the file never
// reaches the network. The same HTML is what Chromium prints to PDF.
import { displayDate, type Block, type ExportDocument, type Inline } from './document';
import { cssString, escapeHtml } from './encode';
import { CSS_FONT_STACK, CSS_MONO_STACK, CSS_TRADITIONAL_STACK, documentFontFaces, isTraditional, splitByScript } from './fonts';
import { pageOfLabel } from './labels';

export const PAGE_MARGINS = { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' } as const;

/**
 * The <title> names neither the topic nor the tool: it shows in browser history and tab lists, and
 * Chromium copies it into a printed PDF's Title property. The visible heading still carries the title.
 */
const DOCUMENT_TITLE = 'Document';

/**
 * User text for element content: escaped, with runs of Traditional Chinese marked lang="zh-Hant"
 * so the :lang() rule sets them in Noto Sans TC (documentFontFaces embeds that font for them).
 */
const text = (value: string): string =>
  splitByScript(value)
    .map((run) => (isTraditional(run) ? `<span lang="zh-Hant">${escapeHtml(run.text)}</span>` : escapeHtml(run.text)))
    .join('');

const withBreaks = (value: string): string => text(value).replace(/\n/g, '<br>');

function inline(parts: Inline[]): string {
  return parts
    .map((part) => {
      let out = part.code ? `<code>${escapeHtml(part.text)}</code>` : withBreaks(part.text);
      if (part.italic) out = `<em>${out}</em>`;
      if (part.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${text(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return b.number === undefined ? `<p>${inline(b.parts)}</p>` : `<p class="numbered"><span class="number">${b.number}.</span>${inline(b.parts)}</p>`;
    case 'quote':
      return `<blockquote>${withBreaks(b.text)}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'fields': {
      const code = new Set(b.code ?? []);
      const value = (label: string, v: string) => (!v ? '—' : code.has(label) ? `<code>${escapeHtml(v)}</code>` : withBreaks(v));
      return `<table class="fields"><tbody>${b.rows
        .map(([label, v]) => `<tr><th scope="row">${text(label)}</th><td>${value(label, v)}</td></tr>`)
        .join('')}</tbody></table>`;
    }
    case 'table': {
      const code = new Set(b.code ?? []);
      const head = b.columns.map((c) => `<th scope="col">${text(c)}</th>`).join('');
      const rows = b.rows
        .map((row) => `<tr>${row.map((value, i) => (code.has(i) ? `<td class="code"><code>${escapeHtml(value)}</code></td>` : `<td>${withBreaks(value)}</td>`)).join('')}</tr>`)
        .join('');
      return `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'pageBreak':
      return '<hr class="page-break">';
  }
}

/** "Page N of M" in the export's language as CSS content: the label's words as strings around the two counters. */
function pageCounter(doc: ExportDocument): string {
  const counters: Record<string, string> = { '{{page}}': 'counter(page)', '{{total}}': 'counter(pages)' };
  return pageOfLabel(doc)
    .split(/(\{\{page\}\}|\{\{total\}\})/)
    .filter(Boolean)
    .map((part) => counters[part] ?? `"${cssString(part)}"`)
    .join(' ');
}

function styles(doc: ExportDocument, pageChrome: boolean): string {
  const { top, bottom, left, right } = PAGE_MARGINS;
  // When the file itself is printed, CSS margin boxes number the pages; when Chromium prints it
  // for a PDF export, the printer's header and footer do, so the boxes are left out.
  const marginBoxes = pageChrome
    ? `@top-left { content: "${cssString(doc.title)}"; font-size: 8pt; color: #555; }
       @top-right { content: "${cssString(displayDate(doc.generatedAt, doc.locale))}"; font-size: 8pt; color: #555; }
       @bottom-center { content: ${pageCounter(doc)}; font-size: 8pt; color: #555; }`
    : '';
  return `
    @page { size: A4; margin: ${top} ${right} ${bottom} ${left}; ${marginBoxes} }
    :root { color-scheme: light; }
    body { font-family: ${CSS_FONT_STACK}; font-size: 10.5pt; line-height: 1.55; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
    :lang(zh-Hant) { font-family: ${CSS_TRADITIONAL_STACK}; }
    @media print { body { max-width: none; margin: 0; padding: 0; } }
    h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 0.2rem; }
    h2 { font-size: 14pt; margin: 1.6rem 0 0.4rem; border-bottom: 1px solid #bbb; padding-bottom: 0.15rem; }
    h3 { font-size: 12pt; margin: 1.2rem 0 0.3rem; }
    h4 { font-size: 10.5pt; margin: 1rem 0 0.25rem; }
    h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
    p, li, blockquote, tr { orphans: 3; widows: 3; }
    .subtitle { color: #444; margin: 0 0 1.2rem; }
    p.numbered { padding-left: 2.2rem; text-indent: -2.2rem; }
    p.numbered .number { display: inline-block; width: 2.2rem; text-indent: 0; }
    blockquote { margin: 0.4rem 0 0.6rem; padding: 0.3rem 0.8rem; border-left: 3px solid #888; color: #333; background: #f4f4f4; }
    table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; font-size: 9.5pt; }
    th, td { border: 1px solid #bbb; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    table.fields th { width: 22%; background: #f4f4f4; font-weight: 600; }
    table.grid thead th { background: #eee; }
    code { font-family: ${CSS_MONO_STACK}; font-size: 8pt; word-break: break-all; }
    table.fields, tr { break-inside: avoid; page-break-inside: avoid; }
    hr.page-break { border: 0; margin: 0; break-after: page; page-break-after: always; }
  `;
}

export interface HtmlOptions {
  /** Number pages with CSS margin boxes (false when Chromium's own header and footer will). */
  pageChrome: boolean;
}

export function renderHtml(doc: ExportDocument, options: HtmlOptions = { pageChrome: true }): string {
  // First in <head>, before any user text. It stops every fetch and script; a <meta> refresh or a
  // link is not a fetch, which is why every user string is also encoded for its context.
  // Fonts come only as data: URLs, embedded for the characters this document uses.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
  const heading = `<h1>${text(doc.title)}</h1>
<p class="subtitle">${text(doc.subtitle)} · <time datetime="${escapeHtml(doc.generatedAt)}">${escapeHtml(displayDate(doc.generatedAt, doc.locale))}</time></p>`;
  const body = doc.blocks.map(block).join('\n');
  const fonts = documentFontFaces(doc, `${heading}${body}${styles(doc, options.pageChrome)}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${DOCUMENT_TITLE}</title>
<style>${fonts}
${styles(doc, options.pageChrome)}</style>
</head>
<body>
<header>
${heading}
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
