// A photo cited as evidence goes to a partner without the GPS position, camera, author and times it
// holds, unless the sender chooses to keep them. The bundle's records cite the copy they carry, and
// its manifest names the original's hash, so both ends can still check every file.
import crypto from 'node:crypto';
import { parse as exifrParse } from 'exifr';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { readImageMetadata } from '../../../electron/core/diary/image-metadata';
import { open } from '../../../electron/core/exchange/container';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { PHOTO, photoWithMetadata } from '../diary/image-fixtures';
import { diaryWithTwoCalls, fullPackage } from '../plans/fixtures';

const SHARED = 'coalition shared passphrase';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.core.close();
});
async function vault(): Promise<TestCore> {
  const t = await unlockedCore({ dataDir: tempDir() });
  cores.push(t);
  return t;
}

interface Manifest {
  files: Array<{ sha256: string; originalSha256?: string; name: string; size: number }>;
  items: Array<{ kind: string; id: string }>;
}

/** A package whose first finding cites a phone photo kept in the diary. */
async function packageCitingPhoto(t: TestCore) {
  const diary = await diaryWithTwoCalls(t);
  const original = await photoWithMetadata('jpeg');
  const photo = await t.call('attachments.add', { engagementId: diary.first.id, name: 'IMG_0412.jpg', type: 'image/jpeg', data: original.toString('base64') });
  const pkg = await t.call('packages.save', fullPackage(diary.company.id, [diary.first.id, diary.second.id], photo.id));
  return { original, photo, pkg };
}

async function unseal(data: string) {
  const members = unzipSync(await open('bundle', Buffer.from(data, 'base64'), SHARED, Infinity));
  const json = <T,>(name: string) => JSON.parse(Buffer.from(members[name]!).toString()) as T;
  return { members, manifest: json<Manifest>('manifest.json'), json };
}

const attachmentHashes = (record: { findings: Array<{ evidence: Array<{ kind: string; hash: string }> }> }) =>
  record.findings.flatMap((f) => f.evidence.filter((l) => l.kind === 'attachment').map((l) => l.hash));

describe('images in a partner bundle', () => {
  it('carry no GPS position, camera, author or time by default, and the records cite the copy', async () => {
    const sender = await vault();
    const { original, photo, pkg } = await packageCitingPhoto(sender);
    const bundle = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: pkg.id }], includeCitedFiles: true });

    const { members, manifest, json } = await unseal(bundle.data);
    const entry = manifest.files.find((f) => f.originalSha256 === photo.sha256)!;
    expect(entry).toBeDefined();
    expect(entry.sha256).not.toBe(photo.sha256);
    const copy = members[`files/${entry.sha256}`]!;
    expect(crypto.createHash('sha256').update(copy).digest('hex')).toBe(entry.sha256);
    expect(members[`files/${photo.sha256}`]).toBeUndefined();

    // Re-read the carried file as the partner's own tools would.
    expect(await exifrParse(Buffer.from(copy), { tiff: true, xmp: true, iptc: true, gps: true, ihdr: false })).toBeUndefined();
    expect(await readImageMetadata(copy, 'image/jpeg')).toMatchObject({ fields: [], complete: true });
    const blocks = await sharp(copy).metadata();
    expect([blocks.width, blocks.height, blocks.exif, blocks.xmp]).toEqual([PHOTO.width, PHOTO.height, undefined, undefined]);
    expect(Buffer.from(copy).toString('latin1')).not.toContain(PHOTO.artist);

    const record = json<Parameters<typeof attachmentHashes>[0]>(`records/package/${pkg.id}.json`);
    expect(attachmentHashes(record)).toEqual([entry.sha256]);
    // The sender's own package still cites the file in the vault, which is unchanged.
    expect(attachmentHashes((await sender.call('packages.get', { id: pkg.id })) as never)).toEqual([photo.sha256]);
    expect(Buffer.from((await sender.call('attachments.read', { id: photo.id })).data, 'base64').equals(original)).toBe(true);

    // The partner's vault holds the copy under its own hash, and the imported package finds it.
    const partner = await vault();
    const imported = await partner.call('exchange.bundle.import', { data: bundle.data, passphrase: SHARED, confirm: true });
    const received = await partner.call('exchange.files.read', { sha256: entry.sha256 });
    expect(await readImageMetadata(Buffer.from(received.data, 'base64'), received.type)).toMatchObject({ fields: [], complete: true });
    const provenance = await partner.call('exchange.provenance', { entity: 'package', id: imported.added[0]!.id });
    expect(provenance!.files.map((f) => f.sha256)).toContain(entry.sha256);
  });

  it('carry the file as it is, hash and all, when the sender keeps image metadata', async () => {
    const sender = await vault();
    const { photo, pkg } = await packageCitingPhoto(sender);
    const bundle = await sender.call('exchange.bundle.create', {
      identity: { acknowledge: true },
      organisation: 'Coalition One',
      passphrase: SHARED,
      items: [{ kind: 'package', id: pkg.id }],
      includeCitedFiles: true,
      keepImageMetadata: true,
    });
    const { members, manifest } = await unseal(bundle.data);
    const entry = manifest.files.find((f) => f.sha256 === photo.sha256)!;
    expect(entry.originalSha256).toBeUndefined();
    const found = await readImageMetadata(members[`files/${photo.sha256}`]!, 'image/jpeg');
    expect(found!.summary.gps!.latitude).toBeCloseTo(PHOTO.latitude, 5);
  });

  it('leave files that are not images, or images with nothing to remove, untouched', async () => {
    const sender = await vault();
    const diary = await diaryWithTwoCalls(sender);
    const chart = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const plain = await sender.call('attachments.add', { engagementId: diary.first.id, name: 'chart.png', type: 'image/png', data: chart.toString('base64') });
    const pkg = await sender.call('packages.save', fullPackage(diary.company.id, [diary.first.id, diary.second.id], plain.id));
    const bundle = await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: pkg.id }], includeCitedFiles: true });
    const { manifest } = await unseal(bundle.data);
    expect(manifest.files.find((f) => f.sha256 === plain.sha256)).toMatchObject({ size: chart.length });
    expect(manifest.files.every((f) => f.originalSha256 === undefined)).toBe(true);
  });

  it('refuse to make the bundle when a cited image cannot be cleaned, rather than send it as it is', async () => {
    const sender = await vault();
    const diary = await diaryWithTwoCalls(sender);
    const damaged = (await photoWithMetadata('jpeg')).subarray(0, 400);
    const file = await sender.call('attachments.add', { engagementId: diary.first.id, name: 'IMG_0413.jpg', type: 'image/jpeg', data: damaged.toString('base64') });
    const pkg = await sender.call('packages.save', fullPackage(diary.company.id, [diary.first.id, diary.second.id], file.id));
    const result = await sender.raw('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items: [{ kind: 'package', id: pkg.id }], includeCitedFiles: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: expect.stringMatching(/keep image metadata/) } });
  });
});
