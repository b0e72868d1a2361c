import { parse as exifrParse } from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageMetadata, stripImageMetadata } from '../../../electron/core/diary/image-metadata';
import { PHOTO, photoWithMetadata, type PhotoFormat } from './image-fixtures';

const FORMATS: PhotoFormat[] = ['jpeg', 'png', 'webp'];

/** Everything exifr can find anywhere in the file, plus the blocks libvips sees. */
async function everythingIn(bytes: Uint8Array) {
  const format = (await sharp(bytes).metadata()).format;
  // exifr has no WebP reader; for the others, read the whole file as a recipient's tool would.
  const parsed = format === 'webp' ? undefined : await exifrParse(Buffer.from(bytes), { tiff: true, ifd1: true, xmp: true, iptc: true, icc: true, ihdr: false, makerNote: true, userComment: true, mergeOutput: false });
  const blocks = await sharp(bytes).metadata();
  return { parsed, blocks };
}

describe('readImageMetadata', () => {
  it.each(FORMATS)('finds the GPS position, camera, author, software, time and XMP creator and city of a %s photo', async (format) => {
    const found = await readImageMetadata(await photoWithMetadata(format), `image/${format}`);
    expect(found).not.toBeNull();
    expect(found!.complete).toBe(true);
    expect(found!.summary.gps!.latitude).toBeCloseTo(PHOTO.latitude, 5);
    expect(found!.summary.gps!.longitude).toBeCloseTo(PHOTO.longitude, 5);
    expect(found!.summary.device).toBe(`${PHOTO.make} ${PHOTO.model}`);
    expect(found!.summary.people).toEqual(expect.arrayContaining([PHOTO.artist, PHOTO.copyright, PHOTO.xmpCreator]));
    expect(found!.summary.places).toContain(PHOTO.xmpCity);
    expect(found!.summary.takenAt).toBe(PHOTO.taken);
    expect(found!.summary.software).toBe(PHOTO.software);

    const field = (name: string) => found!.fields.find((f) => f.name === name);
    expect(field('GPSLatitude')).toMatchObject({ group: 'GPS', risk: 'location' });
    expect(field('Make')).toMatchObject({ group: 'EXIF', value: PHOTO.make, risk: 'device' });
    expect(field('Model')).toMatchObject({ value: PHOTO.model, risk: 'device' });
    expect(field('Artist')).toMatchObject({ value: PHOTO.artist, risk: 'person' });
    expect(field('Copyright')).toMatchObject({ value: PHOTO.copyright, risk: 'person' });
    expect(field('Software')).toMatchObject({ value: PHOTO.software, risk: 'software' });
    expect(field('DateTimeOriginal')).toMatchObject({ value: PHOTO.taken, risk: 'time' });
    expect(field('creator')).toMatchObject({ group: 'XMP dc', value: PHOTO.xmpCreator, risk: 'person' });
    expect(field('City')).toMatchObject({ group: 'XMP photoshop', value: PHOTO.xmpCity, risk: 'location' });
  });

  it('goes by the bytes, not the declared type', async () => {
    const found = await readImageMetadata(await photoWithMetadata('jpeg'), 'application/octet-stream');
    expect(found?.summary.gps).not.toBeNull();
  });

  it('returns null for a file that is not an image', async () => {
    expect(await readImageMetadata(Buffer.from('post id,date\n1,2026-10-01\n'), 'text/csv')).toBeNull();
  });

  it('says it could not read an image it cannot open, rather than that it found nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><metadata>Nguyen Van Minh</metadata></svg>');
    expect(await readImageMetadata(svg, 'image/svg+xml')).toMatchObject({ fields: [], complete: false });
  });

  it('reads a cut-off photo without throwing and flags it as partly read', async () => {
    const photo = await photoWithMetadata('jpeg');
    // Cut inside the EXIF block: the header promises more bytes than there are.
    const cut = photo.subarray(0, 120);
    const found = await readImageMetadata(cut, 'image/jpeg');
    expect(found).not.toBeNull();
    expect(found!.complete).toBe(false);
  });

  it('never reads a path or fetches an address that a file holds instead of an image', async () => {
    // exifr treats a string input as a path or URL; the bytes must reach it as bytes, whatever they say.
    const fetched: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: unknown[]) => {
      fetched.push(args);
      throw new Error('offline');
    }) as typeof fetch;
    try {
      for (const text of ['https://example.org/photo.jpg', '/etc/passwd', 'data:image/jpeg;base64,/9j/4AAQ']) {
        expect(await readImageMetadata(Buffer.from(text), 'image/jpeg')).toMatchObject({ fields: [], complete: false });
      }
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });

  it('survives random bytes behind a JPEG signature', async () => {
    const hostile = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), Buffer.from('Exif\0\0MM\0*'), Buffer.alloc(4096, 0xff)]);
    const found = await readImageMetadata(hostile, 'image/jpeg');
    expect(found!.complete).toBe(false);
  });
});

describe('stripImageMetadata', () => {
  it.each(FORMATS)('leaves no GPS, device, author, software or time in a %s copy, which still decodes at the same size', async (format) => {
    const original = await photoWithMetadata(format);
    const copy = await stripImageMetadata(original, `image/${format}`);

    const { parsed, blocks } = await everythingIn(copy);
    expect(parsed).toBeUndefined();
    expect(blocks).toMatchObject({ format, width: PHOTO.width, height: PHOTO.height });
    expect(blocks.exif).toBeUndefined();
    expect(blocks.xmp).toBeUndefined();
    expect(blocks.iptc).toBeUndefined();
    expect(blocks.icc).toBeUndefined();
    expect(blocks.comments ?? []).toEqual([]);
    // Not a word of it anywhere in the bytes either, in whatever block a reader might look.
    const text = Buffer.from(copy).toString('latin1');
    for (const value of [PHOTO.make, PHOTO.model, PHOTO.artist, PHOTO.software, PHOTO.xmpCreator, PHOTO.xmpCity, '2026:03:14']) expect(text).not.toContain(value);

    expect(await readImageMetadata(copy, `image/${format}`)).toMatchObject({ fields: [], complete: true });
    // The picture itself is kept: PNG exactly, JPEG and WebP close to it.
    const [before, after] = await Promise.all([original, copy].map((b) => sharp(b).raw().toBuffer()));
    const worst = Math.max(...before!.map((v, i) => Math.abs(v - after![i]!)));
    expect(worst).toBeLessThanOrEqual(format === 'png' ? 0 : 24);
  });

  it('turns a photo upright before dropping the orientation tag, so it looks the same', async () => {
    const sideways = await photoWithMetadata('jpeg', 6);
    const copy = await stripImageMetadata(sideways, 'image/jpeg');
    const blocks = await sharp(copy).metadata();
    expect(blocks.orientation).toBeUndefined();
    expect([blocks.width, blocks.height]).toEqual([PHOTO.height, PHOTO.width]);
  });

  it('refuses what it cannot clean with a message the user can act on', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await expect(stripImageMetadata(svg, 'image/svg+xml')).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/Convert it to JPEG or PNG/) });
    const broken = (await photoWithMetadata('jpeg')).subarray(0, 400);
    await expect(stripImageMetadata(broken, 'image/jpeg')).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(stripImageMetadata(Buffer.from('a,b\n'), 'text/csv')).rejects.toMatchObject({ code: 'BAD_FILE' });
  });
});
