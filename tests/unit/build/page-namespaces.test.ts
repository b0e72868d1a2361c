// @vitest-environment jsdom
// Which catalogues each screen needs before it renders. The entry chunk carries the English of
// the frame and Home only; a page fetches the rest with its code (routes.tsx), and the build
// preloads those with it. A namespace a page's code uses but does not list would be fetched only
// once a component asked for it: a round trip later, with the page held back meanwhile, or, used
// as a 'namespace:key' prefix, never (the key itself on screen). This reads the imports the way
// the bundler does and holds the lists to the code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeCataloguesFrom, routePagesFrom } from '../../../scripts/renderer-build-plugins';
import { SHELL_NAMESPACES } from '../../../renderer/src/i18n';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ROUTES = path.join(ROOT, 'renderer/src/app/routes.tsx');
/** Core's errors: fetched after the first screen; error-text.ts shows core's English until then. */
const AFTER_FIRST_SCREEN = ['errors'];
const NAMESPACES = fs.readdirSync(path.join(ROOT, 'renderer/src/i18n/locales/en')).map((file) => path.basename(file, '.json'));

interface Module {
  imports: string[];
  lazyImports: string[];
  /** Namespaces asked for with useTranslation: a missing one suspends until it is fetched. */
  hooked: Set<string>;
  /** Namespaces named in a 'namespace:key' string: a missing one is never fetched. */
  prefixed: Set<string>;
}

const modules = new Map<string, Module>();
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // packages and @shared: no catalogues there
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}
function read(file: string): Module {
  let module = modules.get(file);
  if (!module) {
    const source = fs.readFileSync(file, 'utf8');
    const resolved = (specifiers: Iterable<string>) => [...specifiers].map((s) => resolve(file, s)).filter((f): f is string => !!f);
    const prefix = new RegExp(`['"\`](${NAMESPACES.join('|')}):[\\w.\${]`, 'g');
    module = {
      imports: resolved([...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => (m[1] ?? m[2])!)),
      lazyImports: resolved([...source.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!)),
      hooked: new Set([...source.matchAll(/useTranslation\(\s*(?:'([\w-]+)')?/g)].map((m) => m[1] ?? 'common')),
      prefixed: new Set([...source.matchAll(prefix)].map((m) => m[1]!)),
    };
    modules.set(file, module);
  }
  return module;
}

/** Every namespace a module and what it imports use; through lazy imports too if asked. */
function used(file: string, { lazy }: { lazy: boolean }): { hooked: Set<string>; prefixed: Set<string> } {
  const seen = new Set<string>();
  const result = { hooked: new Set<string>(), prefixed: new Set<string>() };
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const module = read(current);
    module.hooked.forEach((n) => result.hooked.add(n));
    module.prefixed.forEach((n) => result.prefixed.add(n));
    module.imports.forEach(visit);
    if (lazy) module.lazyImports.forEach(visit);
  };
  visit(file);
  return result;
}

const pages = routePagesFrom(ROUTES, ROOT);
const catalogues = routeCataloguesFrom(ROUTES);

describe("each page's catalogues", () => {
  it('are read from every page of the routes table', () => {
    expect(Object.keys(catalogues).sort()).toEqual(Object.keys(pages).sort());
    // The scan finds what it should: the diary list's own words, and a prefix used across pages.
    expect(used(path.join(ROOT, pages.diary!), { lazy: false }).hooked).toContain('diary');
    expect(used(path.join(ROOT, pages.submissions!), { lazy: false }).prefixed).toContain('plans');
  });

  it('leave the frame and Home nothing to fetch: the entry chunk uses only its own', () => {
    const entry = used(path.join(ROOT, 'renderer/src/main.tsx'), { lazy: false });
    expect([...entry.hooked].filter((n) => !SHELL_NAMESPACES.includes(n))).toEqual([]);
    expect([...entry.prefixed].filter((n) => !SHELL_NAMESPACES.includes(n))).toEqual(AFTER_FIRST_SCREEN);
  });

  for (const [segment, file] of Object.entries(pages)) {
    it(`are listed for /${segment}: every namespace its first screen uses, none of the entry's`, () => {
      const listed = catalogues[segment] ?? [];
      for (const namespace of listed) expect(NAMESPACES, `${namespace} listed for /${segment}`).toContain(namespace);
      expect(listed.filter((n) => SHELL_NAMESPACES.includes(n)), 'already in the entry chunk').toEqual([]);
      const available = new Set([...SHELL_NAMESPACES, ...AFTER_FIRST_SCREEN, ...listed]);
      const { hooked, prefixed } = used(path.join(ROOT, file), { lazy: false });
      expect([...hooked, ...prefixed].filter((n) => !available.has(n)).sort(), `missing from /${segment}'s list in routes.tsx`).toEqual([]);
      // Code the page loads later may ask for more with useTranslation (it suspends until they
      // are in), but a prefix asks for nothing.
      expect([...used(path.join(ROOT, file), { lazy: true }).prefixed].filter((n) => !available.has(n)).sort(), `prefixed in code /${segment} loads later`).toEqual([]);
    });
  }
});
