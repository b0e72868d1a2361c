import { afterEach, describe, expect, it } from 'vitest';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { PHOTO, photoWithMetadata } from './image-fixtures';

let t: TestCore;
afterEach(async () => t?.core.close());

async function engagement() {
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  return t.call('engagements.save', {
    occurredAt: '2026-10-01T09:30:00.000Z',
    companyId: company.id,
    channel: 'meeting',
    title: 'Meeting at the regional office',
  });
}

describe('attachments.metadata', () => {
  it('reports what a photo kept in an encrypted vault reveals, and nothing for other files', async () => {
    t = await unlockedCore();
    const e = await engagement();
    const photo = await t.call('attachments.add', { engagementId: e.id, name: 'IMG_0412.jpg', type: 'image/jpeg', data: (await photoWithMetadata('jpeg')).toString('base64') });
    const csv = await t.call('attachments.add', { engagementId: e.id, name: 'cases.csv', type: 'text/csv', data: Buffer.from('post id\n1\n').toString('base64') });

    const found = await t.call('attachments.metadata', { id: photo.id });
    expect(found!.summary.gps!.latitude).toBeCloseTo(PHOTO.latitude, 5);
    expect(found!.summary).toMatchObject({ device: `${PHOTO.make} ${PHOTO.model}`, takenAt: PHOTO.taken, software: PHOTO.software });
    expect(found!.summary.people).toContain(PHOTO.artist);
    expect(await t.call('attachments.metadata', { id: csv.id })).toBeNull();
  });

  it('says an attachment that is not in the vault is not found', async () => {
    t = await unlockedCore();
    const result = await t.raw('attachments.metadata', { id: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'That attachment is not in this vault.' } });
  });

  it('needs an unlocked vault', async () => {
    t = await unlockedCore();
    await t.call('vault.lock', null);
    expect(await t.raw('attachments.metadata', { id: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
