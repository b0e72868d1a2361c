import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir, resolveStaticFile } from '../../../electron/core/static-files';
import { tempDir } from '../../helpers/temp';

const CHROMIUM = 'gzip, deflate, br, zstd';

function builtRenderer(): { root: string; script: string } {
  const root = tempDir('static-files-');
  fs.mkdirSync(path.join(root, 'assets'));
  const script = 'export const words = ' + JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i % 37}`)) + ';\n';
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), script);
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><title>x</title>${'<p>shell</p>'.repeat(200)}`);
  fs.writeFileSync(path.join(root, 'assets', 'tiny.css'), 'p{}');
  fs.writeFileSync(path.join(root, 'favicon.png'), Buffer.alloc(4096, 7));
  return { root, script };
}

describe('static files in browser mode', () => {
  it('writes Brotli and gzip copies of text files at build time, and they decompress to the original', () => {
    const { root, script } = builtRenderer();
    expect(precompressDir(root)).toBe(2);
    const js = path.join(root, 'assets', 'index-abc.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(fs.statSync(`${js}.br`).size).toBeLessThan(script.length / 4);
    // Too small to gain, or compressed already.
    expect(fs.existsSync(path.join(root, 'assets', 'tiny.css.br'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'favicon.png.br'))).toBe(false);
  });

  it('serves the copy the browser accepts, preferring Brotli, with the original type', () => {
    const { root } = builtRenderer();
    precompressDir(root);
    const js = path.join(root, 'assets', 'index-abc.js');
    expect(resolveStaticFile(root, '/assets/index-abc.js', CHROMIUM)).toEqual({ path: `${js}.br`, contentType: 'text/javascript; charset=utf-8', encoding: 'br' });
    expect(resolveStaticFile(root, '/assets/index-abc.js', 'gzip')).toMatchObject({ path: `${js}.gz`, encoding: 'gzip' });
    expect(resolveStaticFile(root, '/assets/index-abc.js', 'br;q=0, gzip;q=0.5')).toMatchObject({ encoding: 'gzip' });
    expect(resolveStaticFile(root, '/assets/index-abc.js', 'identity')).toEqual({ path: js, contentType: 'text/javascript; charset=utf-8' });
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toEqual({ path: js, contentType: 'text/javascript; charset=utf-8' });
    // App routes get the compressed page too.
    expect(resolveStaticFile(root, '/kb/sections/x', CHROMIUM)).toMatchObject({ path: path.join(root, 'index.html.br'), contentType: 'text/html; charset=utf-8' });
  });

  it('never serves a compressed copy older than its file (a rebuild without compression)', () => {
    const { root } = builtRenderer();
    precompressDir(root);
    const js = path.join(root, 'assets', 'index-abc.js');
    const later = new Date(Date.now() + 60_000);
    fs.writeFileSync(js, 'export const rebuilt = true;');
    fs.utimesSync(js, later, later);
    expect(resolveStaticFile(root, '/assets/index-abc.js', CHROMIUM)).toEqual({ path: js, contentType: 'text/javascript; charset=utf-8' });
  });

  it("serves a route's own copy of the page, preloading that route's code, for every address under it", () => {
    const { root } = builtRenderer();
    fs.mkdirSync(path.join(root, 'routes'));
    fs.writeFileSync(path.join(root, 'routes', 'diary.html'), `<!doctype html><title>x</title>${'<p>diary</p>'.repeat(200)}`);
    precompressDir(root);
    const diary = path.join(root, 'routes', 'diary.html');
    expect(resolveStaticFile(root, '/diary', CHROMIUM)).toEqual({ path: `${diary}.br`, contentType: 'text/html; charset=utf-8', encoding: 'br' });
    expect(resolveStaticFile(root, '/diary/entries/3f2c', 'identity')).toEqual({ path: diary, contentType: 'text/html; charset=utf-8' });
    // Home, and routes the build wrote no page for, get index.html.
    expect(resolveStaticFile(root, '/', 'identity')).toMatchObject({ path: path.join(root, 'index.html') });
    expect(resolveStaticFile(root, '/notes/x', 'identity')).toMatchObject({ path: path.join(root, 'index.html') });
    // A first segment that would leave the folder, or name a hidden file, never picks a page.
    fs.writeFileSync(path.join(root, 'routes', '.hidden.html'), 'x');
    for (const bad of ['/.hidden', '/..%2f..%2fetc/x', '/%2e%2e/x']) expect(resolveStaticFile(root, bad, 'identity')).toBeNull();
  });

  it('keeps refusing paths outside the folder and dot-files, whatever the encoding', () => {
    const { root } = builtRenderer();
    precompressDir(root);
    fs.writeFileSync(path.join(path.dirname(root), 'outside.js.br'), 'x');
    for (const bad of ['/../outside.js', '/%2e%2e/outside.js', '/.env', '/assets/..%2f..%2foutside.js']) {
      expect(resolveStaticFile(root, bad, CHROMIUM)).toBeNull();
    }
  });
});
