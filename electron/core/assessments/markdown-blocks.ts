// The user's edited report (Markdown) as blocks of the export document model. Only what the
// assembled report uses is understood: headings, paragraphs, lists, quotes and **bold**; anything
// else stays as the plain text it was typed as, since export text is never interpreted as markup.
import type { Block, Inline } from '../exports/document';

function inlines(value: string): Inline[] {
  const parts: Inline[] = [];
  value.split(/(\*\*[^*]+\*\*)/).forEach((piece) => {
    if (!piece) return;
    const bold = /^\*\*([^*]+)\*\*$/.exec(piece);
    parts.push(bold ? { text: bold[1]!, bold: true } : { text: piece });
  });
  return parts.length ? parts : [{ text: '' }];
}

export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', parts: inlines(paragraph.join('\n')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    if (quote.length) blocks.push({ kind: 'quote', text: quote.join('\n') });
    paragraph = [];
    list = null;
    quote = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.+)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.+)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.+)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      // The document's title is the only level-1 heading; the report's sections sit below it.
      blocks.push({ kind: 'heading', level: Math.min(3, Math.max(1, heading[1]!.length - 1)) as 1 | 2 | 3, text: heading[2]!.replace(/\*\*/g, '') });
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (!list || list.ordered !== ordered || paragraph.length || quote.length) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(inlines((bullet ?? numbered)![1]!));
    } else if (quoted) {
      if (paragraph.length || list) flush();
      quote.push(quoted[1]!);
    } else {
      if (list || quote.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
