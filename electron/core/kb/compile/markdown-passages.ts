// Cuts a section's Markdown into passages, one per heading, as plain text for the index and for
// snippets. Build time only: runtime code never parses Markdown in core.
import { Lexer, type Token, type Tokens } from 'marked';
import type { Heading } from '@shared/api/kb';
import { foldForSearch } from '@shared/search/normalise';

export interface Passage {
  heading: Heading;
  /** The passage's text without Markdown syntax, paragraphs separated by newlines. */
  text: string;
}

export interface InternalLink {
  kind: 'mechanism' | 'framework';
  id: string;
}

export interface ParsedMarkdown {
  headings: Heading[];
  passages: Passage[];
  links: InternalLink[];
  /** Top-level list items as Markdown, in order (used for the entry points and Get started). */
  listItems: string[];
}

/** Anchor of a heading: folded, letters and digits joined by hyphens ("02 Engage…" → "02-engage…"). */
export function headingSlug(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const tokens = new Lexer().lex(markdown);
  const headings: Heading[] = [];
  const passages: Passage[] = [];
  const links: InternalLink[] = [];
  const listItems: string[] = [];
  const used = new Map<string, number>();
  let current: { heading: Heading; parts: string[] } | null = null;

  const close = () => {
    if (current) passages.push({ heading: current.heading, text: current.parts.join('\n').trim() });
  };

  walkLinks(tokens, links);
  for (const token of tokens) {
    if (token.type === 'heading') {
      close();
      const text = inlineText((token as Tokens.Heading).tokens);
      const base = headingSlug(text) || 'section';
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      const heading = { depth: (token as Tokens.Heading).depth, text, anchor: seen === 0 ? base : `${base}-${seen + 1}` };
      headings.push(heading);
      current = { heading, parts: [] };
      continue;
    }
    if (token.type === 'list') for (const item of (token as Tokens.List).items) listItems.push(item.text.trim());
    const text = blockText(token);
    if (!text) continue;
    if (!current) throw new Error('text appears before the first heading; every passage needs a heading to link to');
    current.parts.push(text);
  }
  close();
  return { headings, passages, links, listItems };
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'html': // raw HTML is never shown, so it is never indexed either
      return '';
    case 'paragraph':
    case 'text':
      return inlineText((token as Tokens.Paragraph).tokens ?? []) || (token as Tokens.Text).text;
    case 'list':
      return (token as Tokens.List).items.map((item) => item.tokens.map(blockText).filter(Boolean).join(' ')).join('\n');
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.map(blockText).filter(Boolean).join('\n');
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => inlineText(cell.tokens)).join(' — ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'code':
      return (token as Tokens.Code).text;
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inlineText(token.tokens) : '';
  }
}

function inlineText(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'html') continue;
    if (token.type === 'br') out += '\n';
    else if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) out += inlineText(token.tokens);
    else if ('text' in token && typeof token.text === 'string') out += token.text;
  }
  return out;
}

function walkLinks(tokens: Token[], links: InternalLink[]): void {
  for (const token of tokens) {
    if (token.type === 'link') {
      const match = /^(mechanism|framework):(.*)$/.exec((token as Tokens.Link).href);
      if (match) links.push({ kind: match[1] as InternalLink['kind'], id: match[2]! });
    }
    const children: Token[][] = [];
    if ('tokens' in token && Array.isArray(token.tokens)) children.push(token.tokens);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) children.push(item.tokens);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) children.push(cell.tokens);
    }
    for (const child of children) walkLinks(child, links);
  }
}
