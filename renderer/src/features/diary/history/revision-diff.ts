import { diffWords } from 'diff';

export interface FieldChange {
  field: string;
  parts: Array<{ value: string; added: boolean; removed: boolean }>;
}

// Bookkeeping fields change on every save and say nothing about the content.
const IGNORED = new Set(['updatedAt', 'createdAt', 'id']);

const show = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value, null, 1));

/** Which top-level fields changed between two versions of a record, with a word diff of each. */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !IGNORED.has(field)).sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = show(a[field]);
    const next = show(b[field]);
    if (old === next) continue;
    changes.push({
      field,
      parts: diffWords(old, next).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) })),
    });
  }
  return changes;
}
