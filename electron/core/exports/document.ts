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

/**
 * `toolkit` marks a block made wholly of the app's own words (a knowledge-base passage, an OECD
 * route): the identity check does not read it, since it holds nothing from the user's records, and
 * a translated passage must not ask the user to decide on words the app wrote.
 */
export type Block = (
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /**
   * One paragraph; a '\n' inside a part is a line break. `number` prints it as a numbered
   * paragraph ("12." hanging in the margin), as UN bodies lay out submissions: the numbers run
   * through the whole document, across headings, so a reader can cite "paragraph 12".
   */
  | { kind: 'paragraph'; parts: Inline[]; number?: number }
  /** The toolkit's own words, set apart from the user's. */
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /**
   * Label and value pairs: a small two-column table. `code` marks values shown monospaced (hashes,
   * ids); `toolkitRows` the rows whose values are the app's words (see `toolkit` below).
   */
  | { kind: 'fields'; rows: Array<[label: string, value: string]>; code?: string[]; toolkitRows?: string[] }
  /** `code` lists the columns shown monospaced (hashes). */
  | { kind: 'table'; columns: string[]; rows: string[][]; code?: number[] }
  | { kind: 'pageBreak' }
) & { toolkit?: true };

export interface ExportDocument {
  title: string;
  /** One line under the title: what kind of document this is. */
  subtitle: string;
  /** ISO date-time of generation; printed under the title and on every page. */
  generatedAt: string;
  /** The locale its dates are written in (the user's interface locale); absent, the system's. */
  locale?: string | undefined;
  /**
   * A PDF's page footer with `{{page}}` and `{{total}}`, for a document whose words come from its
   * own translations (a submission in French or Spanish, which the export labels do not have);
   * absent, the export labels' footer for `locale`.
   */
  pageOf?: string | undefined;
  blocks: Block[];
}

export const text = (value: string): Inline[] => [{ text: value }];
export const paragraph = (value: string): Block => ({ kind: 'paragraph', parts: text(value) });
export const heading = (level: 1 | 2 | 3, value: string): Block => ({ kind: 'heading', level, text: value });

/**
 * The locale dates are written in: the user's, as the system gives it to ICU (the desktop app and
 * browser mode both run on the user's own computer). A system that names no language (the C or
 * POSIX locale of servers and containers) gets day-month-year English, never US month-first.
 */
export function exportLocale(env: NodeJS.ProcessEnv = process.env, systemLocale = new Intl.DateTimeFormat().resolvedOptions().locale): string {
  const chosen = env.LC_ALL || env.LC_TIME || env.LANG;
  if (chosen !== undefined && /^(C|POSIX)([._@]|$)/.test(chosen)) return 'en-GB';
  return systemLocale;
}

const LOCALE = exportLocale();

/** "12 March 2026" (or "12 tháng 3, 2026"): the date a reader sees on every page. */
export function displayDate(iso: string, locale: string | undefined = LOCALE): string {
  // A bare date (YYYY-MM-DD) is a calendar day, not a moment: read in UTC so no zone moves it.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(iso);
  // A value that is not a date is printed as stored rather than failing the whole export.
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(dateOnly && { timeZone: 'UTC' }) }).format(date);
}

/** Writes a stored date (a calendar day or a moment) for a reader in one locale. */
export type DateWriter = (iso: string) => string;

/**
 * The date writer for the user's locale; absent, the system's. Only a full ISO date or date-time
 * is rewritten: anything else (a month, free text) is printed as stored, never guessed at.
 */
export const datesIn =
  (locale?: string): DateWriter =>
  (iso) =>
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(iso) ? displayDate(iso, locale) : iso;

/**
 * A diary entry's evidence label ("Call with the company (2026-10-01)", made by core when the
 * entry is cited) with its closing date in the reader's locale; the title before it is left as typed.
 */
export const datedLabel = (label: string, day: DateWriter): string => label.replace(/\((\d{4}-\d{2}-\d{2})\)$/, (_, iso: string) => `(${day(iso)})`);

/** "28 November 2026, 12:32 UTC": an exact moment, the same for every reader whatever their zone. */
export function displayDateTime(iso: string, locale: string | undefined = LOCALE): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}
