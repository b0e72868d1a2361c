import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { precompress, preloadRoutes, productionLibraries, routeCataloguesFrom, routePagesFrom, stylesheetsAfterShell } from './scripts/renderer-build-plugins';

const r = (p: string) => path.resolve(import.meta.dirname, p);
const alias = { '@shared': r('electron/shared') };

export default defineConfig({
  main: {
    // better-sqlite3-multiple-ciphers is a dependency, so it stays external: a .node addon must never be bundled.
    // Two entries: the shell, and the utility process that runs core (electron/main/core-host.ts).
    build: { outDir: 'out/main', rollupOptions: { input: { index: r('electron/main/index.ts'), 'core-process': r('electron/main/core-process.ts') } } },
    resolve: { alias },
  },
  preload: {
    // A sandboxed preload cannot require anything: bundle it to one self-contained CommonJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: r('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
    resolve: { alias },
  },
  renderer: {
    root: r('renderer'),
    // Absolute asset paths: electron-vite forces base './', so a deep route such as /kb/sections/x
    // would ask for /kb/sections/assets/… on reload. app:// and browser mode both serve from the root.
    experimental: { renderBuiltUrl: (filename: string) => `/${filename}` },
    build: {
      outDir: r('out/renderer'),
      minify: 'esbuild',
      rollupOptions: {
        input: { index: r('renderer/index.html') },
        output: { manualChunks: (id: string) => (/node_modules\/(react-dom|scheduler)\//.test(id) ? 'react-dom' : undefined) },
      },
    },
    resolve: { alias },
    plugins: [
      react(),
      productionLibraries(r('node_modules')),
      // Each page of routes.tsx ('' is Home, where most launches land) gets a copy of index.html
      // preloading it and its English catalogues.
      preloadRoutes(routePagesFrom(r('renderer/src/app/routes.tsx'), r('.')), routeCataloguesFrom(r('renderer/src/app/routes.tsx'))),
      stylesheetsAfterShell(),
      precompress(r('out/renderer')),
    ],
  },
});
