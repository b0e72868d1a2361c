// The identity check on a record as a partner bundle carries it: every string of its JSON, except
// ids, hashes and dates, which the import needs intact and which are the app's, never a person's.
import type { IdentityPlace } from '@shared/api/identity';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{16,}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const ID_KEY = /^(id|hash|sha256)$|Ids?$/;

/** Machine values the bundle format relies on: left unchecked and unchanged. */
function isMachineValue(key: string, value: string): boolean {
  return ID_KEY.test(key) || UUID.test(value) || HEX.test(value) || ISO_DATE.test(value);
}

/** Every user text of the record, named by the record and the path to it: `Package "X" · findings 2 · statement`. */
export function recordPlaces(recordName: string, record: unknown): IdentityPlace[] {
  const places: IdentityPlace[] = [];
  const walk = (value: Json, key: string, path: string) => {
    if (typeof value === 'string') {
      if (value.trim() && !isMachineValue(key, value)) places.push({ where: path ? `${recordName} · ${path}` : recordName, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, key, path ? `${path} ${i + 1}` : String(i + 1)));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, path ? `${path} · ${k}` : k);
    }
  };
  walk(record as Json, '', '');
  return places;
}

/** A copy of the record with `change` applied to every string `recordPlaces` checks. */
export function mapRecordText<T>(record: T, change: (text: string) => string): T {
  const walk = (value: Json, key: string): Json => {
    if (typeof value === 'string') return isMachineValue(key, value) ? value : change(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(record as Json, '') as T;
}
