import { diffWords } from 'diff';

export interface FieldChange {
  field: string;
  parts: Array<{ value: string; added: boolean; removed: boolean }>;
}

// Bookkeeping fields change on every save and say nothing about the content (a submission
// draft's `version` counts its saves).
const IGNORED = new Set(['updatedAt', 'createdAt', 'id', 'version']);

/** How the history shows a stored date or timestamp: in the user's locale. */
export interface DateWords {
  day(isoDate: string): string;
  dateTime(isoTimestamp: string): string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;
const AS_STORED: DateWords = { day: (iso) => iso, dateTime: (iso) => iso };

/**
 * A value whose whole text is a stored date or timestamp (a due date, when a file was added) is
 * shown in the user's words; a date inside text the user wrote stays as they wrote it.
 */
function localised(value: unknown, words: DateWords): unknown {
  if (typeof value === 'string') return ISO_DAY.test(value) ? words.day(value) : ISO_TIMESTAMP.test(value) ? words.dateTime(value) : value;
  if (Array.isArray(value)) return value.map((item) => localised(item, words));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localised(item, words)]));
  return value;
}

const show = (value: unknown, words: DateWords): string => {
  const shown = localised(value, words);
  return typeof shown === 'string' ? shown : shown === undefined ? '' : JSON.stringify(shown, null, 1);
};

/** Which top-level fields changed between two versions of a record, with a word diff of each. */
export function diffRecords(before: unknown, after: unknown, words: DateWords = AS_STORED): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !IGNORED.has(field)).sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = show(a[field], words);
    const next = show(b[field], words);
    if (old === next) continue;
    changes.push({
      field,
      parts: diffWords(old, next).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) })),
    });
  }
  return changes;
}
