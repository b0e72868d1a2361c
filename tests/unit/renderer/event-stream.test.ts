import { describe, expect, it } from 'vitest';
import { readEventStream } from '../../../renderer/src/api/transport';

/** A body that arrives in the given byte pieces, as a network stream may cut it anywhere. */
function body(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

describe('reading the event stream with fetch', () => {
  it('puts frames back together across any cut, skips comments, and keeps multi-byte text whole', async () => {
    const text = ': connected\n\nevent: vault.locked\ndata: {"reason":"idle"}\n\n: ping\n\nevent: preferences.changed\ndata: {"note":"Người dùng 账号"}\n\n';
    const bytes = new TextEncoder().encode(text);
    const insideHan = bytes.indexOf(0xe8) + 1; // the second byte of 账
    // Cut inside the event name, inside a multi-byte character and between the two newlines.
    const cuts = [0, 17, 58, insideHan, bytes.length - 1, bytes.length];
    const pieces = cuts.slice(1).map((cut, i) => bytes.subarray(cuts[i], cut));
    const events: Array<[string, string]> = [];
    await readEventStream(body(pieces), (name, data) => events.push([name, data]));
    expect(events).toEqual([
      ['vault.locked', '{"reason":"idle"}'],
      ['preferences.changed', '{"note":"Người dùng 账号"}'],
    ]);
  });
});
