// Every message key the renderer asks for exists in the English catalogues. Keys are read from
// the source: t('key'), t('ns:key') and i18nKey="key", in the namespaces the file's
// useTranslation() names (common when it names none). Keys built at run time are not seen here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve('renderer/src/i18n/locales/en');
const SOURCE = path.resolve('renderer/src');

function flatten(value: unknown, prefix: string, out: Set<string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (prefix) out.add(prefix); // an object asked for with returnObjects
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else out.add(prefix);
}

const catalogues = new Map<string, Set<string>>();
for (const file of fs.readdirSync(LOCALES).filter((name) => name.endsWith('.json'))) {
  const keys = new Set<string>();
  flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, file), 'utf8')), '', keys);
  catalogues.set(path.basename(file, '.json'), keys);
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const PLURALS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const known = (ns: string, key: string): boolean => {
  const keys = catalogues.get(ns);
  return !!keys && (keys.has(key) || PLURALS.some((form) => keys.has(`${key}_${form}`)));
};

/** Keys the renderer uses that no catalogue has, as "file: ns:key", and how many were checked. */
function scan(): { missing: string[]; checked: number } {
  const missing: string[] = [];
  let checked = 0;
  for (const file of sources(SOURCE)) {
    const code = fs.readFileSync(file, 'utf8');
    const namespaces = new Set<string>();
    for (const [, args] of code.matchAll(/useTranslation\(([^)]*)\)/g)) {
      const names = [...(args ?? '').matchAll(/'([\w-]+)'/g)].map((m) => m[1]!);
      if (names.length === 0) namespaces.add('common');
      for (const name of names) namespaces.add(name);
    }
    if (namespaces.size === 0) namespaces.add('common');
    const keys = [...code.matchAll(/\bt\(\s*'([^'\\]+)'/g), ...code.matchAll(/i18nKey=["']([^"']+)["']/g)].map((m) => m[1]!);
    checked += keys.length;
    for (const key of keys) {
      const [ns, name] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [null, key];
      const ok = ns ? known(ns, name) : [...namespaces].some((n) => known(n, name));
      if (!ok) missing.push(`${path.relative(SOURCE, file)}: ${ns ?? [...namespaces].join('|')}:${name}`);
    }
  }
  return { missing, checked };
}

describe('message keys', () => {
  it('finds every key the renderer uses in the English catalogues', () => {
    const { missing, checked } = scan();
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('would catch a missing key (the scan is not blind)', () => {
    expect(known('common', 'no.such.key.anywhere')).toBe(false);
    const sample = [...catalogues.get('common')!].find((key) => !key.includes('_'))!;
    expect(known('common', sample)).toBe(true);
    expect(sources(SOURCE).length).toBeGreaterThan(50);
  });
});
