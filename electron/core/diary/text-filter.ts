// What a person types into a record picker, read as either a date range (2026, 2026-10,
// 2026-10-01: the index on dates answers it) or text: part of a company's name, the start of a
// tag, or words the search index holds (titles, tags, what was said).

export type TextFilter = { kind: 'dates'; from: string; to: string } | { kind: 'text'; text: string; pattern: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** `[from, to)` as ISO date prefixes, which compare correctly against stored ISO timestamps. */
function dateRange(text: string): { from: string; to: string } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  if (!m) return { from: `${y}`, to: `${year + 1}` };
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  if (!d) return { from: `${y}-${m}`, to: month === 12 ? `${year + 1}-01` : `${y}-${pad(month + 1)}` };
  const day = new Date(Date.UTC(year, month - 1, Number(d)));
  if (day.getUTCMonth() !== month - 1) return null;
  const next = new Date(day.getTime() + 86_400_000);
  return { from: `${y}-${m}-${d}`, to: next.toISOString().slice(0, 10) };
}

/** A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function readTextFilter(q: string): TextFilter | null {
  const text = q.trim();
  if (!text) return null;
  const dates = dateRange(text);
  return dates ? { kind: 'dates', ...dates } : { kind: 'text', text, pattern: containsPattern(text) };
}
