// @vitest-environment jsdom
// The Metadata panel of an image attachment, against a real core and a real encrypted vault: a
// phone photo's GPS position is shown first and marked as the danger, then who, with what and when.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import type { AttachmentMeta } from '@shared/api/diary';
import type { RpcResult } from '@shared/api/result';
import sharp from 'sharp';
import { ImageMetadataPanel } from '../../../renderer/src/features/diary/editor/ImageMetadataPanel';
import { unlockedCore, type TestCore } from '../../helpers/core';
import { PHOTO, photoWithMetadata } from '../../core/diary/image-fixtures';

let t: TestCore;
let engagementId: string;
const calls: string[] = [];

beforeAll(async () => {
  t = await unlockedCore();
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  engagementId = (await t.call('engagements.save', { occurredAt: '2026-10-01T09:30:00.000Z', companyId: company.id, channel: 'meeting' })).id;
  window.workbench = {
    invoke: async (method, payload): Promise<RpcResult<unknown>> => {
      calls.push(method);
      return t.core.dispatch(method, payload);
    },
    onEvent: () => () => undefined,
  };
});
afterEach(cleanup);
afterAll(() => t.core.close());

const attach = async (name: string, type: string, bytes: Buffer): Promise<AttachmentMeta> =>
  t.call('attachments.add', { engagementId, name, type, data: bytes.toString('base64') });

async function open(meta: AttachmentMeta) {
  render(<ImageMetadataPanel meta={meta} />);
  const summary = screen.getByText('Metadata');
  const details = summary.closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  return details;
}

describe('the Metadata panel', () => {
  it('reads nothing until it is opened', async () => {
    const meta = await attach('IMG_0001.jpg', 'image/jpeg', await photoWithMetadata('jpeg'));
    calls.length = 0;
    render(<ImageMetadataPanel meta={meta} />);
    expect(calls).toEqual([]);
  });

  it("shows where a phone photo was taken first, marked as the danger, then who made it, with what and when", async () => {
    const meta = await attach('IMG_0412.jpg', 'image/jpeg', await photoWithMetadata('jpeg'));
    const panel = await open(meta);
    const gps = await within(panel).findByText('Location:');
    expect(gps.closest('.image-metadata-gps')!.textContent).toMatch(/taken at 21\.0293\d, 105\.8533\d\. Anyone who gets this file can see where it was taken\./);

    const summary = panel.querySelector('dl')!;
    const value = (term: string) => within(summary).getByText(term).nextElementSibling!.textContent;
    expect(value('Camera or phone')).toBe(`${PHOTO.make} ${PHOTO.model}`);
    expect(value('People named')).toContain(PHOTO.artist);
    expect(value('People named')).toContain(PHOTO.xmpCreator);
    expect(value('Places named')).toBe(PHOTO.xmpCity);
    expect(value('Taken')).toBe(PHOTO.taken);
    expect(value('Software')).toBe(PHOTO.software);

    // Every field, GPS rows first.
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows[0]!.className).toBe('risk-location');
    expect(within(panel).getByText(/^All \d+ fields$/)).toBeTruthy();
  });

  it('says so when an image carries nothing', async () => {
    const clean = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).png().toBuffer();
    const panel = await open(await attach('chart.png', 'image/png', clean));
    expect(await within(panel).findByText('This image carries no location, camera, author or time details.')).toBeTruthy();
    expect(within(panel).queryByText('Location:')).toBeNull();
  });

  it('warns that a file it could not fully read may reveal more than listed', async () => {
    const cut = (await photoWithMetadata('jpeg')).subarray(0, 120);
    const panel = await open(await attach('damaged.jpg', 'image/jpeg', cut));
    expect(await within(panel).findByText(/Part of this file could not be read/)).toBeTruthy();
  });
});
