// Vite plugins for the renderer's production build: what makes the first screen arrive fast.
import path from 'node:path';
import type { Plugin } from 'vite';
import { precompressDir } from '../electron/core/static-files';

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
 * Preloads the route most launches open, so its code downloads alongside the entry chunk instead
 * of after it: a <link rel="modulepreload"> for the route's chunk and the chunks it imports, and
 * its stylesheets as links. `route` is the route module's path relative to the renderer root.
 */
export function preloadRoute(route: string): Plugin {
  return {
    name: 'workbench:preload-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return undefined;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const routeChunk = chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(route));
        if (!routeChunk) throw new Error(`preloadRoute: no chunk for ${route}; was the route renamed?`);
        const entry = chunks.find((chunk) => chunk.isEntry);
        // The entry and what it imports load anyway.
        const loaded = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
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
        visit(routeChunk.fileName);
        return [
          ...[...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          ...[...css].map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
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
