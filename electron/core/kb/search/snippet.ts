import type { MarkedText } from '@shared/api/kb';

/** [start, length] pairs, as lunr stores token positions. */
export type Positions = ReadonlyArray<readonly [number, number]>;

const SNIPPET_LENGTH = 200;
/** How much text to keep before the first match, so the match is read in context. */
const LEAD = 50;

export function markAll(text: string, positions: Positions): MarkedText {
  return { text, marks: toMarks(positions, 0, text.length, 0) };
}

/**
 * A window of the text around the first match, cut at word boundaries, with every match inside it
 * marked. Without a match, the opening of the text.
 */
export function snippet(text: string, positions: Positions): MarkedText {
  const sorted = [...positions].sort((a, b) => a[0] - b[0]);
  const first = sorted[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD);
  if (start > 0) {
    const lineStart = text.lastIndexOf('\n', first);
    const space = text.indexOf(' ', start);
    start = lineStart >= start ? lineStart + 1 : space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const body = text.slice(start, end).replace(/\n/g, ' ');
  return { text: prefix + body + suffix, marks: toMarks(sorted, start, end, prefix.length) };
}

/** Positions inside [from, to) of the source, as ranges in the shown text (which starts `shift` later). */
function toMarks(positions: Positions, from: number, to: number, shift: number): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  for (const [start, length] of [...positions].sort((a, b) => a[0] - b[0])) {
    if (start < from || start + length > to) continue;
    const at = start - from + shift;
    const last = marks.at(-1);
    if (last && at <= last[1]) last[1] = Math.max(last[1], at + length);
    else marks.push([at, at + length]);
  }
  return marks;
}
