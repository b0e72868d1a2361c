// The build's per-address pages: every page of routes.tsx gets its own preloading copy of
// index.html without a second list to keep, and stylesheets are asked for from the head.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routePagesFrom, withStylesheetPreloads } from '../../../scripts/renderer-build-plugins';
import { tempDir } from '../../helpers/temp';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('routePagesFrom', () => {
  it('finds every page of the app routes table, Home under the empty segment', () => {
    const pages = routePagesFrom(path.join(ROOT, 'renderer/src/app/routes.tsx'), ROOT);
    expect(pages['']).toBe('renderer/src/features/home/HomePage.tsx');
    expect(pages.diary).toBe('renderer/src/features/diary/DiaryPage.tsx');
    for (const file of Object.values(pages)) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    // Every `segment: page(…)` line of the table, so none is left without its preloading page.
    const source = fs.readFileSync(path.join(ROOT, 'renderer/src/app/routes.tsx'), 'utf8');
    expect(Object.keys(pages)).toHaveLength(source.match(/^\s*(?:'[\w-]*'|[\w-]+):\s*page\(/gm)!.length);
  });

  it('picks up a page added to the table', () => {
    const dir = tempDir('workbench-routes-');
    fs.mkdirSync(path.join(dir, 'features/home'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'features/submissions'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'features/home/HomePage.tsx'), '');
    fs.writeFileSync(path.join(dir, 'features/submissions/SubmissionsPage.tsx'), '');
    fs.mkdirSync(path.join(dir, 'app'));
    const routes = path.join(dir, 'app/routes.tsx');
    fs.writeFileSync(
      routes,
      [
        'const pages = {',
        "  '': page(async () => (await import('../features/home/HomePage')).HomePage),",
        '  submissions: page(async () => (await import(\'../features/submissions/SubmissionsPage\')).SubmissionsPage),',
        '};',
      ].join('\n'),
    );
    expect(routePagesFrom(routes, dir)).toEqual({ '': 'features/home/HomePage.tsx', submissions: 'features/submissions/SubmissionsPage.tsx' });
  });

  it('refuses a table it cannot read rather than building without preloads', () => {
    const dir = tempDir('workbench-routes-');
    const routes = path.join(dir, 'routes.tsx');
    fs.writeFileSync(routes, "const pages = { home: lazy(() => import('./Home')) };");
    expect(() => routePagesFrom(routes, dir)).toThrow(/no Home page/);
    fs.writeFileSync(routes, "const pages = {\n  '': page(async () => (await import('./Missing')).Missing),\n};");
    expect(() => routePagesFrom(routes, dir)).toThrow(/not a \.tsx or \.ts file/);
  });
});

describe('withStylesheetPreloads', () => {
  it('asks for each stylesheet at the end of the body from the head, in order, without blocking paint', () => {
    const html = [
      '<html><head><title>t</title></head><body><div id="root"></div>',
      '<link rel="stylesheet" crossorigin href="/assets/index-a.css">',
      '<link rel="stylesheet" crossorigin href="/assets/diary-b.css">',
      '</body></html>',
    ].join('\n');
    const out = withStylesheetPreloads(html);
    const [head, body] = out.split('</head>') as [string, string];
    expect([...head.matchAll(/<link rel="preload" as="style" crossorigin href="([^"]+)">/g)].map((m) => m[1])).toEqual(['/assets/index-a.css', '/assets/diary-b.css']);
    // No stylesheet moved into the head, where it would hold back the shell's first paint.
    expect(head).not.toContain('rel="stylesheet"');
    expect(body).toContain('<link rel="stylesheet" crossorigin href="/assets/diary-b.css">');
  });
});
