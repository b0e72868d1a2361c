// The export pipeline's document model: what a plan, a package or (later) a CLARITI report says,
// independent of the file format. Renderers turn it into Markdown, HTML (and from HTML, PDF) and
// DOCX. Text is always plain text: no renderer ever interprets markup inside it.

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Hashes and ids: monospaced so a reader can compare them character by character. */
  code?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** One paragraph; a '\n' inside a part is a line break. */
  | { kind: 'paragraph'; parts: Inline[] }
  /** The toolkit's own words, set apart from the user's. */
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /** Label and value pairs: a small two-column table. `code` marks values shown monospaced (hashes, ids). */
  | { kind: 'fields'; rows: Array<[label: string, value: string]>; code?: string[] }
  /** `code` lists the columns shown monospaced (hashes). */
  | { kind: 'table'; columns: string[]; rows: string[][]; code?: number[] }
  | { kind: 'pageBreak' };

export interface ExportDocument {
  title: string;
  /** One line under the title: what kind of document this is. */
  subtitle: string;
  /** ISO date-time of generation; printed under the title and on every page. */
  generatedAt: string;
  blocks: Block[];
}

export const text = (value: string): Inline[] => [{ text: value }];
export const paragraph = (value: string): Block => ({ kind: 'paragraph', parts: text(value) });
export const heading = (level: 1 | 2 | 3, value: string): Block => ({ kind: 'heading', level, text: value });

/** "12 March 2026": the date a reader sees on every page. */
export function displayDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(iso));
}

/** "28 November 2026, 12:32 UTC": an exact moment, the same for every reader whatever their zone. */
export function displayDateTime(iso: string): string {
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}
