/**
 * Words as a reader counts them, for a mechanism's length limit: Markdown marks and link targets
 * dropped, each run of letters or digits joined by apostrophes, hyphens or points is one word.
 * Footnotes and headings count (OHCHR's limit covers the whole text of the submission). Shared so
 * the editor's live count and the requirements check can never disagree.
 */
export function countWords(markdown: string): number {
  const plain = markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '');
  return plain.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
