// preloadRoutes on a bundle shaped like Vite's: each address's page preloads its route's chunks,
// and a page whose code is in the entry chunk (Home, see main.tsx) preloads nothing of its own.
import { describe, expect, it } from 'vitest';
import type { OutputBundle } from 'rollup';
import { preloadRoutes } from '../../../scripts/renderer-build-plugins';

const HTML = '<html><head><title>t</title></head><body><div id="root"></div>\n<link rel="stylesheet" crossorigin href="/assets/index-a.css">\n</body></html>';

function chunk(fileName: string, facadeModuleId: string, moduleIds: string[], imports: string[] = [], css: string[] = [], isEntry = false) {
  return { type: 'chunk', fileName, facadeModuleId, moduleIds, imports, isEntry, viteMetadata: { importedCss: new Set(css) } };
}

function build(routes: Record<string, string>): { index: string; emitted: Record<string, string> } {
  const bundle = {
    'index.html': { type: 'asset', fileName: 'index.html', source: HTML },
    'assets/index-a.js': chunk('assets/index-a.js', '/p/renderer/index.html', ['/p/renderer/src/main.tsx', '/p/renderer/src/features/home/HomePage.tsx'], [], [], true),
    'assets/DiaryPage-b.js': chunk('assets/DiaryPage-b.js', '/p/renderer/src/features/diary/DiaryPage.tsx', ['/p/renderer/src/features/diary/DiaryPage.tsx'], ['assets/list-c.js'], ['assets/DiaryPage-b.css']),
    'assets/list-c.js': chunk('assets/list-c.js', '/p/renderer/src/features/diary/list/List.tsx', ['/p/renderer/src/features/diary/list/List.tsx']),
  } as unknown as OutputBundle;
  const emitted: Record<string, string> = {};
  const plugin = preloadRoutes(routes);
  const generateBundle = plugin.generateBundle as (this: unknown, options: unknown, bundle: OutputBundle) => void;
  generateBundle.call({ emitFile: (file: { fileName: string; source: string }) => (emitted[file.fileName] = file.source) }, {}, bundle);
  return { index: String((bundle['index.html'] as { source: string }).source), emitted };
}

describe('preloadRoutes', () => {
  it("preloads a route's chunk and what it imports on its own page, and nothing for a page in the entry chunk", () => {
    const { index, emitted } = build({ '': 'renderer/src/features/home/HomePage.tsx', diary: 'renderer/src/features/diary/DiaryPage.tsx' });
    expect(index).not.toContain('modulepreload');
    const diary = emitted['routes/diary.html']!;
    expect([...diary.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1])).toEqual(['/assets/DiaryPage-b.js', '/assets/list-c.js']);
    expect(diary).toContain('<link rel="stylesheet" crossorigin href="/assets/DiaryPage-b.css">');
  });

  it('refuses a route found neither in a chunk of its own nor in the entry chunk', () => {
    expect(() => build({ '': 'renderer/src/features/home/HomePage.tsx', notes: 'renderer/src/features/notes/NotesPage.tsx' })).toThrow(/no chunk for renderer\/src\/features\/notes\/NotesPage\.tsx/);
  });
});
