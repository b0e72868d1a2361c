// JSON from someone else's file: strict UTF-8, bounded length, bounded nesting (checked by a plain
// scan before JSON.parse, so a million nested brackets cost one pass and no recursion).
import { MAX_JSON_DEPTH } from './limits';

export type JsonProblem = 'not-text' | 'too-long' | 'too-deep' | 'not-json';
export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readJson(bytes: Uint8Array, maxBytes: number): JsonResult {
  if (bytes.length > maxBytes) return { ok: false, problem: 'too-long' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, problem: 'not-text' };
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) return { ok: false, problem: 'too-deep' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'not-json' };
  }
}

/** The deepest bracket nesting outside strings; stops counting once past the limit. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export const JSON_PROBLEMS: Record<JsonProblem, string> = {
  'not-text': 'is not valid text',
  'too-long': 'is longer than the app accepts',
  'too-deep': 'is nested deeper than any record the app writes',
  'not-json': 'is not valid JSON',
};
