// What an image attachment reveals about where, when, with what and by whom it was made, and a copy
// of it that reveals none of that. exifr decodes the metadata blocks; sharp (libvips) reads the
// blocks of formats exifr cannot open (WebP, GIF, PNG's XMP and text chunks) and writes the clean
// copy. Nothing here parses metadata by hand: the few bytes checked below only say which library
// may be handed the file.
import type { Metadata, default as Sharp } from 'sharp';
import type { ImageMetadata, ImageMetadataField } from '@shared/api/diary';
import { DomainError } from '../rpc/domain-error';

interface Libraries {
  sharp: typeof Sharp;
  exifr: { parse: typeof import('exifr').parse; sidecar: typeof import('exifr').sidecar };
}
let libraries: Promise<Libraries> | undefined;

/**
 * sharp and exifr, loaded when the first image is attached rather than at start-up: they were
 * about 100 ms of the core's 490 ms load (libvips is a large native library). A failure to load
 * them is not caught: a copy of an image leaving the vault then fails with that error rather than
 * going out with its metadata, and reading an image's metadata fails rather than finding none.
 */
function imageLibraries(): Promise<Libraries> {
  libraries ??= Promise.all([import('sharp'), import('exifr')]).then(([sharpModule, exifrModule]) => {
    const sharp = sharpModule.default;
    // libvips would otherwise keep decoded pixels of evidence in its operation cache after a call.
    sharp.cache(false);
    // Node loads exifr's CommonJS build, where everything hangs off the default export; Vite loads
    // its ES build, whose default export lacks sidecar, a named export there.
    const exifr = { parse: exifrModule.parse ?? exifrModule.default.parse, sidecar: exifrModule.sidecar ?? exifrModule.default.sidecar };
    return { sharp, exifr };
  });
  return libraries;
}

type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff' | 'heif';
type Risk = ImageMetadataField['risk'];

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * The raster format from the file's first bytes. The declared MIME type comes from the sender's
 * browser and is not trusted; and only these formats reach libvips, which also opens SVG and
 * other documents that may refer to files outside the image.
 */
function imageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif|avis)$/.test(ascii(bytes, 8, 12))) return 'heif';
  return null;
}

// exifr's own whole-file readers; the others come through sharp's blocks only.
const EXIFR_FORMATS = new Set<ImageFormat>(['jpeg', 'png', 'tiff', 'heif']);

const EXIFR_OPTIONS = {
  tiff: true,
  ifd0: {},
  exif: true,
  gps: true,
  interop: false,
  ifd1: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: true,
  mergeOutput: false,
  sanitize: true,
  silentErrors: true,
} as const;

// Layout of the pixels, not facts about the picture or its maker: left out so the panel stays readable.
const STRUCTURAL = new Set(
  [
    'Orientation', 'XResolution', 'YResolution', 'ResolutionUnit', 'YCbCrPositioning', 'YCbCrSubSampling', 'ExifVersion', 'FlashpixVersion',
    'ColorSpace', 'ExifImageWidth', 'ExifImageHeight', 'ComponentsConfiguration', 'ImageWidth', 'ImageHeight', 'BitsPerSample',
    'Compression', 'PhotometricInterpretation', 'StripOffsets', 'SamplesPerPixel', 'RowsPerStrip', 'StripByteCounts',
    'PlanarConfiguration', 'SampleFormat', 'JPEGTables', 'ReferenceBlackWhite', 'GPSVersionID', 'ApplicationRecordVersion',
    'PixelXDimension', 'PixelYDimension', 'InteropIndex', 'InteropVersion', 'Predictor', 'TileWidth', 'TileLength', 'TileOffsets',
    'TileByteCounts', 'ExtraSamples', 'FillOrder', 'NewSubfileType', 'SubfileType', 'WhitePoint', 'PrimaryChromaticities', 'YCbCrCoefficients',
  ].map((name) => name.toLowerCase()),
);

const RISK_NAMES: Record<Exclude<Risk, 'time' | 'other'>, string[]> = {
  location: ['latitude', 'longitude', 'city', 'state', 'country', 'countrycode', 'countryname', 'sublocation', 'location', 'locationcreated', 'locationshown', 'contentlocationname', 'contentlocationcode', 'province-state'],
  device: ['make', 'model', 'lensmake', 'lensmodel', 'lensinfo', 'lens', 'bodyserialnumber', 'serialnumber', 'cameraserialnumber', 'lensserialnumber', 'internalserialnumber', 'hostcomputer', 'uniquecameramodel', 'imageuniqueid', 'cameramodelname'],
  person: ['artist', 'author', 'creator', 'copyright', 'copyrightnotice', 'rights', 'byline', 'bylinetitle', 'writer', 'captionwriter', 'contact', 'credit', 'ownername', 'cameraownername', 'xpauthor', 'authorsposition', 'creatorcontactinfo', 'usercomment'],
  software: ['software', 'creatortool', 'processingsoftware', 'originatingprogram', 'programversion', 'softwareagent'],
};

function riskOf(name: string): Risk {
  const key = name.toLowerCase();
  if (key.startsWith('gps')) return 'location';
  for (const [risk, names] of Object.entries(RISK_NAMES)) if (names.includes(key)) return risk as Risk;
  if (key !== 'exposuretime' && (key.includes('date') || key.includes('time'))) return 'time';
  return 'other';
}

const GROUP_NAMES: Record<string, string> = { ifd0: 'EXIF', exif: 'EXIF', gps: 'GPS', iptc: 'IPTC' };
const groupName = (block: string) => GROUP_NAMES[block] ?? `XMP ${block}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** Text for one value, or null for bytes and empty values. EXIF times carry no zone: shown as written. */
function display(value: unknown): string | null {
  if (value === null || value === undefined || value instanceof Uint8Array) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
  }
  if (Array.isArray(value)) {
    const parts = value.map(display).filter((part): part is string => part !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof value === 'object') {
    // XMP language alternatives and structures: keep the text, drop the markup.
    const parts = Object.values(value as Record<string, unknown>).map(display).filter((part): part is string => part !== null);
    return parts.length ? parts.join(', ') : null;
  }
  // eslint-disable-next-line no-control-regex
  const text = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text ? (text.length > 300 ? `${text.slice(0, 299)}…` : text) : null;
}

interface Collected {
  fields: ImageMetadataField[];
  gps: { latitude: number; longitude: number } | null;
  complete: boolean;
}

function collect(into: Collected, parsed: unknown): void {
  if (!parsed || typeof parsed !== 'object') return;
  for (const [block, tags] of Object.entries(parsed as Record<string, unknown>)) {
    if (block === 'errors') {
      if (Array.isArray(tags) && tags.length) into.complete = false;
      continue;
    }
    if (block === 'xmlns' || !tags || typeof tags !== 'object') continue;
    const values = tags as Record<string, unknown>;
    if (block === 'gps' && Number.isFinite(values.latitude) && Number.isFinite(values.longitude)) {
      into.gps ??= { latitude: values.latitude as number, longitude: values.longitude as number };
    }
    for (const [name, value] of Object.entries(values)) {
      if (STRUCTURAL.has(name.toLowerCase())) continue;
      const text = display(value);
      if (text !== null) into.fields.push({ group: groupName(block), name, value: text, risk: riskOf(name) });
    }
  }
}

const tiffOf = (exif: Buffer) => (exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif);

/**
 * The bytes as this context's own Uint8Array: exifr checks its input with instanceof, which fails
 * for a Buffer made in another realm (a test's DOM environment) and silently reads nothing.
 */
const view = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** exifr only ever gets bytes: given a string it would read a path or fetch a URL. */
async function parseBytes(into: Collected, read: () => Promise<unknown>): Promise<boolean> {
  try {
    collect(into, await read());
    return true;
  } catch {
    into.complete = false;
    return false;
  }
}

/** Metadata blocks that libvips finds, each decoded by exifr; PNG text chunks as they are. */
async function readThroughSharp({ sharp, exifr }: Libraries, into: Collected, bytes: Uint8Array): Promise<boolean> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'none' }).metadata();
  } catch {
    return false;
  }
  if (meta.exif) await parseBytes(into, () => exifr.parse(view(tiffOf(meta.exif!)), EXIFR_OPTIONS));
  if (meta.xmp) await parseBytes(into, () => exifr.sidecar(view(meta.xmp!), EXIFR_OPTIONS, 'xmp'));
  if (meta.iptc) await parseBytes(into, () => exifr.sidecar(view(meta.iptc!), EXIFR_OPTIONS, 'iptc'));
  for (const comment of meta.comments ?? []) {
    // XMP and raw EXIF profiles in text chunks were decoded above or are removed by the copy.
    if (comment.keyword === 'XML:com.adobe.xmp') continue;
    const text = comment.keyword.startsWith('Raw profile type') ? `(${comment.keyword.slice(17)} block)` : display(comment.text);
    if (text !== null) into.fields.push({ group: 'PNG text', name: comment.keyword, value: text, risk: riskOf(comment.keyword) });
  }
  return true;
}

const first = (fields: ImageMetadataField[], names: string[]) => {
  for (const name of names) {
    const hit = fields.find((field) => field.name.toLowerCase() === name);
    if (hit) return hit.value;
  }
  return null;
};
const unique = (values: string[]) => [...new Set(values)];

function summarise(collected: Collected): ImageMetadata {
  const seen = new Set<string>();
  const fields = collected.fields.filter((field) => {
    const key = `${field.group}\u0000${field.name}\u0000${field.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const make = first(fields, ['make']);
  const model = first(fields, ['model', 'cameramodelname']);
  const device = make && model && !model.toLowerCase().includes(make.toLowerCase()) ? `${make} ${model}` : (model ?? make);
  return {
    fields,
    summary: {
      gps: collected.gps,
      places: unique(fields.filter((f) => f.risk === 'location' && !f.name.toLowerCase().startsWith('gps') && !/^(latitude|longitude)$/i.test(f.name)).map((f) => f.value)),
      device,
      people: unique(fields.filter((f) => f.risk === 'person').map((f) => f.value)),
      takenAt: first(fields, ['datetimeoriginal', 'datecreated', 'createdate', 'datetimedigitized', 'digitalcreationdate', 'creation time', 'datetime', 'modifydate']),
      software: first(fields, ['software', 'creatortool', 'processingsoftware', 'originatingprogram']),
    },
    complete: collected.complete,
  };
}

/**
 * What the image says about its place, device, people and times, as fields plus a summary of the
 * risky ones; null when the file is not an image. `complete: false` when part of it could not be
 * read (a damaged or unusual file): the panel then warns that it may reveal more than listed.
 */
export async function readImageMetadata(bytes: Uint8Array, type: string): Promise<ImageMetadata | null> {
  const format = imageFormat(bytes);
  const collected: Collected = { fields: [], gps: null, complete: true };
  if (!format) {
    if (!type.toLowerCase().startsWith('image/')) return null;
    // Declared an image but not one the app can open (SVG, BMP, a damaged file): say so rather than "nothing found".
    return summarise({ ...collected, complete: false });
  }
  const libs = await imageLibraries();
  const exifrRead = EXIFR_FORMATS.has(format) ? await parseBytes(collected, () => libs.exifr.parse(view(bytes), EXIFR_OPTIONS)) : false;
  const sharpRead = await readThroughSharp(libs, collected, bytes);
  // libvips has no HEVC decoder here, so a HEIC photo counts as read when exifr read it.
  if (!sharpRead && !(format === 'heif' && exifrRead)) collected.complete = false;
  return summarise(collected);
}

const CANNOT_CLEAN = 'The app could not make a copy of this image without its location, camera and author details. Convert it to JPEG or PNG and attach it again, or leave it out.';

/**
 * A copy of the image with every metadata block removed (EXIF, GPS, XMP, IPTC, ICC, text chunks,
 * embedded previews), turned upright first since the orientation tag goes too. The copy is a
 * re-encoding: PNG, GIF and TIFF keep every pixel; JPEG and WebP are written at quality 95. The copy
 * is read back before it is returned, and refused if anything is still found in it.
 */
export async function stripImageMetadata(bytes: Uint8Array, type: string): Promise<Uint8Array> {
  const format = imageFormat(bytes);
  if (!format) throw new DomainError('BAD_FILE', type.toLowerCase().startsWith('image/') ? 'diary.imageNotCleaned' : 'diary.notAnImage', type.toLowerCase().startsWith('image/') ? CANNOT_CLEAN : 'That file is not an image, so there is no image metadata to remove.');
  const { sharp } = await imageLibraries();
  let copy: Buffer;
  try {
    const animated = format === 'gif' || format === 'webp';
    const image = sharp(bytes, { animated, failOn: 'error' }).autoOrient();
    const encoded =
      format === 'jpeg' ? image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
      : format === 'png' ? image.png()
      : format === 'gif' ? image.gif()
      : format === 'webp' ? image.webp({ quality: 95 })
      : format === 'tiff' ? image.tiff({ compression: 'lzw' })
      : image.avif({ quality: 90 });
    copy = await encoded.toBuffer();
  } catch {
    throw new DomainError('BAD_FILE', 'diary.imageNotCleaned', CANNOT_CLEAN);
  }
  const left = await readImageMetadata(copy, type);
  if (!left || !left.complete || left.fields.length > 0) throw new DomainError('BAD_FILE', 'diary.imageNotCleaned', CANNOT_CLEAN);
  return new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength);
}
