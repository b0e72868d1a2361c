// Vite plugins for the renderer's production build: what makes the first screen arrive fast.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { precompressDir, ROUTE_PAGES_DIR } from '../electron/core/static-files';

/**
 * react-router's package exports name only its development build, so a production bundle got the
 * development one (dev warnings and checks, a third larger). Point the build at the production
 * build it ships next to it; the dev server keeps the development build and its warnings.
 */
export function productionLibraries(nodeModules: string): Plugin {
  return {
    name: 'workbench:production-libraries',
    config: (_config, { command }) =>
      command === 'build'
        ? { resolve: { alias: [{ find: /^react-router$/, replacement: path.join(nodeModules, 'react-router/dist/production/index.mjs') }] } }
        : undefined,
  };
}

/**
 * The pages of routes.tsx by the first segment of their address ('' for Home), each mapped to its
 * module's path relative to the project root, read from the `pages` table's lines of the form
 * `segment: page(async () => (await import('../features/…/Page')).Page)`. Read from the source so
 * a page added there gets its own preloading copy of index.html without a second list to keep.
 */
export function routePagesFrom(routesFile: string, projectRoot: string): Record<string, string> {
  const source = fs.readFileSync(routesFile, 'utf8');
  const PAGE = /^\s*(?:'([\w-]*)'|([\w-]+)):\s*page\(\s*async\s*\(\)\s*=>\s*\(await import\('([^']+)'\)\)/gm;
  const pages: Record<string, string> = {};
  for (const [, quoted, bare, specifier] of source.matchAll(PAGE)) {
    const module = path.resolve(path.dirname(routesFile), specifier!);
    const file = ['.tsx', '.ts'].map((extension) => module + extension).find((candidate) => fs.existsSync(candidate));
    if (!file) throw new Error(`routePagesFrom: ${specifier} in ${routesFile} is not a .tsx or .ts file`);
    pages[quoted ?? bare!] = path.relative(projectRoot, file).replaceAll('\\', '/');
  }
  if (!Object.hasOwn(pages, '')) throw new Error(`routePagesFrom: no Home page ('') found in ${routesFile}; did its pages table change shape?`);
  return pages;
}

/**
 * The English catalogues each page of routes.tsx fetches with its code (the second argument of
 * `page(…)`, a list of quoted namespaces), by the page's first segment; none for a page without.
 */
export function routeCataloguesFrom(routesFile: string): Record<string, string[]> {
  const source = fs.readFileSync(routesFile, 'utf8');
  const PAGE = /^\s*(?:'([\w-]*)'|([\w-]+)):\s*page\(\s*async\s*\(\)\s*=>\s*\(await import\('[^']+'\)\)\.\w+(?:,\s*\[([^\]]*)\])?\s*\)/gm;
  const catalogues: Record<string, string[]> = {};
  for (const [, quoted, bare, list] of source.matchAll(PAGE)) {
    catalogues[quoted ?? bare!] = [...(list ?? '').matchAll(/'([\w-]+)'/g)].map((match) => match[1]!);
  }
  return catalogues;
}

/**
 * Preloads the code of the page an address opens, so it downloads (and compiles off the main
 * thread) alongside the entry chunk instead of after it: a `<link rel="modulepreload">` for the
 * route's chunk and every chunk it imports, and its stylesheets as links at the end of the body
 * (nothing for a page whose code is in the entry chunk, as Home's is: see main.tsx).
 * index.html (served for `/` and unknown addresses) is Home's page; every other route gets a copy
 * of index.html preloading its own page, `routes/<segment>.html`, which static serving picks by the
 * address's first segment (static-files.ts). `routes` maps a first segment ('' for Home) to the
 * route module's path relative to the project root; `catalogues`, to the namespaces whose English
 * the page fetches with its code (i18n/index.ts), preloaded with it so they are not a round trip
 * after the entry chunk.
 */
export function preloadRoutes(routes: Record<string, string>, catalogues: Record<string, string[]> = {}): Plugin {
  return {
    name: 'workbench:preload-routes',
    apply: 'build',
    // After Vite has written the final index.html into the bundle, other plugins' changes included.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') throw new Error('preloadRoutes: index.html is not in the bundle');
      const html = String(page.source);
      const entry = chunks.find((chunk) => chunk.isEntry);
      // The entry and what it imports load anyway.
      const loaded = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
      const tagsFor = (segment: string, route: string) => {
        // A page whose code is in the entry chunk (Home) has nothing of its own to preload.
        const inEntry = entry?.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(route)) ?? false;
        const routeChunk = chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(route));
        if (!routeChunk && !inEntry) throw new Error(`preloadRoutes: no chunk for ${route}; was the route renamed?`);
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          if (loaded.has(fileName) || files.has(fileName)) return;
          const chunk = chunks.find((candidate) => candidate.fileName === fileName);
          if (!chunk) return;
          files.add(fileName);
          for (const sheet of chunk.viteMetadata?.importedCss ?? []) css.add(sheet);
          chunk.imports.forEach(visit);
        };
        if (routeChunk) visit(routeChunk.fileName);
        for (const namespace of catalogues[segment] ?? []) {
          const catalogue = chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(`/i18n/locales/en/${namespace}.json`));
          if (!catalogue) throw new Error(`preloadRoutes: no chunk for the English ${namespace} catalogue of /${segment}; is it in the entry chunk, or misspelt?`);
          visit(catalogue.fileName);
        }
        return {
          head: [...files].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('\n    '),
          // In order after the app's own stylesheets, which stylesheetsAfterShell put at the end of the body.
          body: [...css].map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`).join('\n    '),
        };
      };
      const withPreloads = (segment: string, route: string) => {
        const { head, body } = tagsFor(segment, route);
        const page = html.replace('</head>', `  ${head}\n  </head>`).replace('</body>', `  ${body}\n  </body>`);
        return withStylesheetPreloads(page);
      };
      for (const [segment, route] of Object.entries(routes)) {
        if (segment === '') page.source = withPreloads(segment, route);
        else this.emitFile({ type: 'asset', fileName: `${ROUTE_PAGES_DIR}/${segment}.html`, source: withPreloads(segment, route) });
      }
    },
  };
}

/**
 * Asks for every stylesheet at the end of the body from the head as well (`rel="preload"`, which
 * holds back no paint). Left to the body alone, Chromium fetched them one after another, each only
 * once the parser reached it, and the app's code, which runs after them, waited for the whole chain.
 */
export function withStylesheetPreloads(html: string): string {
  const [head, body] = html.split('</head>') as [string, string];
  const hrefs = [...body.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)].map((match) => match[1]!);
  const preloads = hrefs.map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`).join('\n    ');
  return `${head}  ${preloads}\n  </head>${body}`;
}

/**
 * Moves the stylesheets from the head to the end of the body. In the head they hold back every
 * paint until they arrive; after the static shell they hold back only what follows them, so the
 * shell paints with the HTML. The app renders no sooner than before: module scripts still wait
 * for the stylesheets, so nothing shows unstyled.
 */
export function stylesheetsAfterShell(): Plugin {
  const STYLESHEET = /\s*<link rel="stylesheet"[^>]*>/g;
  return {
    name: 'workbench:stylesheets-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const [head, body] = html.split('</head>') as [string, string];
        const sheets = head.match(STYLESHEET) ?? [];
        // In their order: the app's own styles first, then the route's, which may override them.
        return `${head.replace(STYLESHEET, '')}\n  </head>${body.replace('</body>', `  ${sheets.map((sheet) => sheet.trim()).join('\n    ')}\n  </body>`)}`;
      },
    },
  };
}

/** Brotli and gzip copies of every compressible output file, served by browser mode (static-files.ts). */
export function precompress(outDir: string): Plugin {
  return {
    name: 'workbench:precompress',
    apply: 'build',
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
