// sharp and exifr load with the first image (image-metadata.ts). When they cannot load (a broken
// install, a missing native build), an image must not leave the vault uncleaned, nor be reported
// as carrying no metadata. exifr is the one made to fail: the photo itself is made with sharp.
import { describe, expect, it, vi } from 'vitest';
import { readImageMetadata, stripImageMetadata } from '../../../electron/core/diary/image-metadata';
import { photoWithMetadata } from './image-fixtures';

vi.mock('exifr', () => {
  throw new Error('exifr could not be loaded');
});

/** The load error itself (vitest wraps a failing mock's error as the cause of its own), not "cannot clean". */
const LOAD_FAILURE = { cause: { message: 'exifr could not be loaded' } };

describe('image metadata without its libraries', () => {
  it('fails to clean a photo rather than returning it with its metadata', async () => {
    const photo = await photoWithMetadata('jpeg');
    await expect(stripImageMetadata(photo, 'image/jpeg')).rejects.toMatchObject(LOAD_FAILURE);
  });

  it('fails to read a photo’s metadata rather than reporting none', async () => {
    const photo = await photoWithMetadata('jpeg');
    await expect(readImageMetadata(photo, 'image/jpeg')).rejects.toMatchObject(LOAD_FAILURE);
  });
});
