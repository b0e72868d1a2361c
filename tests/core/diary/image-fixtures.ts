// Photos as a phone or camera would write them: GPS position, camera make and model, author,
// copyright, software, the time taken, and an XMP creator and city. Made with sharp in the test,
// so no image file is downloaded or committed.
import sharp from 'sharp';

export const PHOTO = {
  latitude: 21.029333, // 21° 1' 45.6" N, central Hanoi
  longitude: 105.853333, // 105° 51' 12" E
  make: 'Canon',
  model: 'EOS 5D Mark IV',
  artist: 'Tran Thi Mai',
  copyright: 'Tran Thi Mai 2026',
  software: 'PhotoTool 2.1',
  taken: '2026-03-14 09:26:53',
  xmpCreator: 'Nguyen Van Minh',
  xmpCity: 'Hanoi',
  width: 96,
  height: 64,
};

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:creator><rdf:Seq><rdf:li>${PHOTO.xmpCreator}</rdf:li></rdf:Seq></dc:creator><photoshop:City>${PHOTO.xmpCity}</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** A small photo carrying every field in PHOTO; `orientation` 6 means "rotate 90° to view". */
export async function photoWithMetadata(format: PhotoFormat, orientation = 1): Promise<Buffer> {
  // A gradient rather than a flat colour, so a re-encoded copy can be compared with the original.
  const pixels = Buffer.alloc(PHOTO.width * PHOTO.height * 3);
  for (let i = 0; i < PHOTO.width * PHOTO.height; i++) pixels.set([(i % PHOTO.width) * 2, Math.floor(i / PHOTO.width) * 3, 120], i * 3);
  return sharp(pixels, { raw: { width: PHOTO.width, height: PHOTO.height, channels: 3 } })
    .withExif({
      IFD0: { Make: PHOTO.make, Model: PHOTO.model, Artist: PHOTO.artist, Copyright: PHOTO.copyright, Software: PHOTO.software },
      IFD2: { DateTimeOriginal: PHOTO.taken.replace(/-/g, ':') },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 4560/100', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 1200/100' },
    })
    .withXmp(XMP)
    .withMetadata({ orientation })
    .toFormat(format)
    .toBuffer();
}
