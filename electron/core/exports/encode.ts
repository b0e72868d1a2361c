// Encoders for the contexts user text reaches in an export. Titles, findings and partner records
// arrive from other people's files, so each context gets the encoding that makes any input plain
// text there, whatever characters it holds.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content or a double- or single-quoted attribute value: the five characters
 * that can end text or a quoted value become references (the set `escape-html` uses).
 */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/**
 * The content of a CSS string ("…"), safe inside an HTML <style> element: every character other
 * than an ASCII letter, digit or space becomes a six-digit hex escape. The result can hold no
 * quote, backslash sequence, newline, '<' or '/', so it can end neither the CSS string nor the
 * style element (`</style>`), and CSS reads it back as exactly the original text.
 */
export function cssString(value: string): string {
  let out = '';
  for (const char of value) {
    out += /^[A-Za-z0-9 ]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  }
  return out;
}
