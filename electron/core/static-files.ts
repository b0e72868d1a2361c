import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  path: string;
  contentType: string;
  /** Set when path is a compressed copy: the Content-Encoding to send with it. */
  encoding?: 'br' | 'gzip';
}

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);
/** Below this, headers cost more than compression saves. */
const MIN_COMPRESS_BYTES = 1024;
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Where the build writes a copy of index.html for each page (`routes/diary.html`), preloading
 * that page's code instead of Home's (scripts/renderer-build-plugins.ts).
 */
export const ROUTE_PAGES_DIR = 'routes';

/**
 * Maps a URL path to a file inside root, or null. No directory listings, no dot-files, nothing
 * outside root. Paths without an extension are app routes and get index.html (the router runs in
 * the page), or the build's copy of it for the route's first segment when there is one. The
 * Electron app:// protocol uses the same function.
 */
export function resolveStaticFile(root: string, urlPath: string, acceptEncoding?: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return null;

  const isRoute = segments.length === 0 || path.extname(segments.at(-1) ?? '') === '';
  const relative = isRoute ? routePage(root, segments[0]) : segments.join('/');
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(path.resolve(root) + path.sep)) return null;

  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const contentType = CONTENT_TYPES[path.extname(absolute)] ?? 'application/octet-stream';
  const compressed = acceptEncoding ? compressedCopy(absolute, stat, acceptEncoding) : null;
  return compressed ? { path: compressed.path, contentType, encoding: compressed.encoding } : { path: absolute, contentType };
}

/** The page for an app route: its own copy of index.html if the build wrote one, else index.html. */
function routePage(root: string, segment: string | undefined): string {
  if (segment === undefined) return 'index.html';
  const own = `${ROUTE_PAGES_DIR}/${segment}.html`;
  return fs.existsSync(path.join(root, own)) ? own : 'index.html';
}

/**
 * The build's compressed copy of a file (file.br, file.gz) that the client accepts, or null. A
 * copy older than its file is ignored: it would serve the previous build's code.
 */
function compressedCopy(file: string, stat: fs.Stats, acceptEncoding: string): { path: string; encoding: 'br' | 'gzip' } | null {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    try {
      const copy = fs.statSync(file + suffix);
      if (copy.isFile() && copy.mtimeMs >= stat.mtimeMs) return { path: file + suffix, encoding: name };
    } catch {
      // no compressed copy of this file
    }
  }
  return null;
}

/** Encodings in an Accept-Encoding header, without those refused with q=0. */
function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    const refused = params.some((param) => /^q=0(\.0{0,3})?$/.test(param));
    if (name && !refused) accepted.add(name);
  }
  return accepted;
}

/**
 * Writes a Brotli and a gzip copy next to every compressible file under dir, at the strongest
 * settings: the build pays once, and browser mode sends a third of the bytes. Returns the files
 * compressed.
 */
export function precompressDir(dir: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const data = fs.readFileSync(file);
    if (data.length < MIN_COMPRESS_BYTES) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION }));
    count++;
  }
  return count;
}
