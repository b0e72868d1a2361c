// At least a thousand hostile files against verify/restore and preview/import. Every one must end
// in an error envelope with a plain sentence, and the data folder must be byte-for-byte unchanged
// afterwards (no new vault, no staging folder, no write to the open vault). Files that decrypt
// correctly are crafted with the real key (derived once), so the checks behind decryption are
// what refuse them.
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveSealingKey, open, sealWithKey, type SealingKey } from '../../../electron/core/exchange/container';
import { BACKUP_LIMITS, BUNDLE_LIMITS } from '../../../electron/core/exchange/limits';
import { TEST_KDF, unlockedCore, type TestCore } from '../../helpers/core';
import { b64, folderDigest, fullVault } from './fixtures';
import { checksum, jsonBytes, leafPaths, random, rawZip, replaceAt, zipOf } from './craft';

const PASSPHRASE = 'fuzzing passphrase 2026';
type Target = 'exchange.backup.verify' | 'exchange.backup.restore' | 'exchange.bundle.preview' | 'exchange.bundle.import';
type Kind = 'backup' | 'bundle';
interface Case {
  label: string;
  kind: Kind;
  data: Uint8Array | string;
  passphrase?: string;
}

const rng = random(20_260_501);
let t: TestCore;
const valid: Record<Kind, { file: Buffer; members: Map<string, Uint8Array>; key: SealingKey }> = {} as never;

async function validFile(kind: Kind, data: string) {
  const file = Buffer.from(data, 'base64');
  const zip = await open(kind, file, PASSPHRASE, Infinity);
  const members = new Map(Object.entries(unzipSync(zip)));
  // The same salt as the real file: one scrypt run serves every crafted case of this kind.
  const saltLength = file.readUInt16BE(8);
  const header = JSON.parse(file.subarray(10, 10 + saltLength).toString()) as { salt: string };
  const key = await deriveSealingKey(PASSPHRASE, TEST_KDF, Buffer.from(header.salt, 'base64'));
  return { file, members, key };
}

const sealed = (kind: Kind, zip: Uint8Array): Uint8Array => sealWithKey(kind, zip, valid[kind].key);
const json = (members: Map<string, Uint8Array>, name: string): Record<string, unknown> => JSON.parse(Buffer.from(members.get(name)!).toString()) as Record<string, unknown>;
const withMembers = (kind: Kind, change: (members: Map<string, Uint8Array>) => void): Uint8Array => {
  const members = new Map(valid[kind].members);
  change(members);
  return sealed(kind, zipOf(members));
};
const KINDS: Kind[] = ['backup', 'bundle'];

function hostileCases(): Case[] {
  const cases: Case[] = [];
  const add = (kind: Kind, label: string, data: Uint8Array | string, passphrase?: string) => cases.push({ kind, label, data, ...(passphrase !== undefined && { passphrase }) });

  for (const kind of KINDS) {
    const { file, members } = valid[kind];
    const manifest = json(members, 'manifest.json');
    const magic = file.subarray(0, 8);

    for (let i = 0; i < 60; i++) add(kind, `random bytes ${i}`, rng.bytes(rng.int(3000)));
    for (let i = 0; i < 60; i++) add(kind, `magic then random ${i}`, Buffer.concat([magic, rng.bytes(rng.int(3000))]));
    add(kind, 'not base64 at all', '%%%% not base64 ****');

    // Truncation: every short length, spread lengths through the body, and the last bytes missing.
    const lengths = new Set<number>();
    for (let n = 0; n < 30; n++) lengths.add(n);
    for (let i = 1; i < 40; i++) lengths.add(Math.floor((file.length * i) / 40));
    for (let n = 1; n <= 20; n++) lengths.add(file.length - n);
    for (const n of lengths) add(kind, `truncated to ${n} bytes`, file.subarray(0, n));

    for (let i = 0; i < 120; i++) {
      const flipped = Buffer.from(file);
      const at = i < 20 ? rng.int(Math.min(200, file.length)) : rng.int(file.length);
      flipped[at]! ^= 1 << rng.int(8);
      add(kind, `bit flip ${i} at ${at}`, flipped);
    }
    for (const wrong of ['wrong passphrase', 'fuzzing passphrase 2025', ' fuzzing passphrase 2026', 'FUZZING PASSPHRASE 2026', 'mật khẩu sai', '密码错误', 'x', 'a'.repeat(1024), '\u0000', 'fuzzing passphrase 2026\n']) {
      add(kind, `wrong passphrase ${JSON.stringify(wrong.slice(0, 20))}`, file, wrong);
    }

    // Decrypts, but the content is not a usable zip.
    for (let i = 0; i < 20; i++) add(kind, `sealed random plaintext ${i}`, sealed(kind, rng.bytes(rng.int(2000))));
    add(kind, 'sealed empty plaintext', sealed(kind, new Uint8Array()));
    add(kind, 'sealed empty zip', sealed(kind, zipOf(new Map())));

    const manifestBytes = members.get('manifest.json')!;
    const others = [...members].filter(([name]) => name !== 'manifest.json').map(([name, data]) => ({ name, data }));
    for (const name of ['../manifest.json', '/manifest.json', 'a\\b.json', 'tables/../manifest.json', 'C:/x.json', './manifest.json', 'records//x.json', 'x/', '', 'manifest.json\u0000.txt', 'ｍanifest.json', '..', 'records/plan/../../evil', `${'a/'.repeat(120)}x`]) {
      add(kind, `unsafe member name ${JSON.stringify(name)}`, sealed(kind, rawZip([{ name: 'manifest.json', data: manifestBytes }, ...others, { name, data: new Uint8Array([1]) }])));
    }
    add(kind, 'manifest twice', sealed(kind, rawZip([{ name: 'manifest.json', data: manifestBytes }, { name: 'manifest.json', data: manifestBytes }, ...others])));
    add(kind, 'a record twice', sealed(kind, rawZip([{ name: 'manifest.json', data: manifestBytes }, ...others, others[0]!])));
    add(kind, 'unlisted extra member', withMembers(kind, (m) => m.set(kind === 'backup' ? 'blobs/' + '0'.repeat(64) : 'files/' + '0'.repeat(64), new Uint8Array([1, 2, 3]))));
    add(kind, 'member missing', withMembers(kind, (m) => m.delete(others[0]!.name)));
    add(kind, 'manifest missing', withMembers(kind, (m) => m.delete('manifest.json')));
    add(kind, 'member changed without its checksum', withMembers(kind, (m) => m.set(others[0]!.name, jsonBytes([]))));

    const limits = kind === 'backup' ? BACKUP_LIMITS : BUNDLE_LIMITS;
    for (const size of [limits.jsonBytes + 1, limits.totalBytes + 1, 0xfffffffe, 0xffffffff]) {
      add(kind, `declared size ${size}`, sealed(kind, rawZip([{ name: 'manifest.json', data: manifestBytes, method: 8, declaredSize: size }, ...others])));
    }
    // Zip bombs: a real stream of zeros that inflates far beyond what it declares, and a claim of an
    // impossible ratio.
    const zeros = new Uint8Array(24 * 1024 * 1024);
    for (const declared of [1000, limits.jsonBytes]) add(kind, `zip bomb declaring ${declared}`, sealed(kind, rawZip([{ name: 'manifest.json', data: zeros, method: 8, declaredSize: declared }, ...others])));
    add(kind, 'impossible compression ratio', sealed(kind, rawZip([{ name: 'manifest.json', data: new Uint8Array(10), method: 8, declaredSize: 4_000_000 }, ...others])));
    add(kind, 'more members than allowed', sealed(kind, rawZip(Array.from({ length: kind === 'bundle' ? 1001 : 1500 }, (_, i) => ({ name: `x${i}`, data: new Uint8Array() })))));

    // The manifest itself: not JSON, not text, too deep, too long, wrong shapes.
    const manifests: Array<[string, Uint8Array]> = [
      ['not JSON', Buffer.from('{"format": ')],
      ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
      ['nested 100 deep', Buffer.from('['.repeat(100) + ']'.repeat(100))],
      ['nested 200000 deep', Buffer.from('{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000))],
      ['longer than allowed', Buffer.from(JSON.stringify({ ...manifest, organisation: 'x'.repeat(limits.jsonBytes) }))],
      ['null', Buffer.from('null')],
      ['an array', Buffer.from('[]')],
      ['a number', Buffer.from('42')],
      ['empty', new Uint8Array()],
      ['extra key', jsonBytes({ ...manifest, extra: true })],
      ['wrong format', jsonBytes({ ...manifest, format: 'something-else' })],
      ['newer format version', jsonBytes({ ...manifest, formatVersion: 2 })],
    ];
    for (const [label, bytes] of manifests) add(kind, `manifest ${label}`, withMembers(kind, (m) => m.set('manifest.json', bytes)));

    // Wrong types anywhere in the manifest: every leaf replaced by an object is invalid.
    const manifestLeaves = leafPaths(manifest);
    for (let i = 0; i < 150; i++) {
      const path = rng.pick(manifestLeaves);
      const replacement = rng.pick([{}, [], { blob: 'x' }, [[[]]]]);
      add(kind, `manifest ${path.join('.')} replaced`, withMembers(kind, (m) => m.set('manifest.json', jsonBytes(replaceAt(manifest, path, replacement)))));
    }
  }

  // Records with wrong types, with the checksum put right so the schema is what refuses them.
  const bundleManifest = json(valid.bundle.members, 'manifest.json') as { items: Array<{ kind: string; id: string; sha256: string }> };
  for (let i = 0; i < 100; i++) {
    const index = rng.int(bundleManifest.items.length);
    const item = bundleManifest.items[index]!;
    const name = `records/${item.kind}/${item.id}.json`;
    const record = json(valid.bundle.members, name);
    const path = rng.pick(leafPaths(record));
    const bytes = jsonBytes(replaceAt(record, path, rng.pick([{}, [], [{}]])));
    const manifest = replaceAt(bundleManifest, ['items', index, 'sha256'], checksum(bytes));
    add('bundle', `record ${item.kind} ${path.join('.')} of the wrong type`, withMembers('bundle', (m) => m.set(name, bytes).set('manifest.json', jsonBytes(manifest))));
  }
  const item0 = bundleManifest.items[0]!;
  const record0 = json(valid.bundle.members, `records/${item0.kind}/${item0.id}.json`);
  const bundleRecord = (label: string, record: unknown, id = item0.id) => {
    const bytes = jsonBytes(record);
    const items = [{ ...item0, id, sha256: checksum(bytes) }, ...bundleManifest.items.slice(1)];
    add('bundle', label, withMembers('bundle', (m) => m.set(`records/${item0.kind}/${id}.json`, bytes).set('manifest.json', jsonBytes({ ...bundleManifest, items }))));
  };
  bundleRecord('record whose id differs from its manifest', { ...record0, id: crypto.randomUUID() });
  bundleRecord('record title longer than allowed', { ...record0, title: 'x'.repeat(301) });
  bundleRecord('record with a huge text', { ...record0, objective: 'x'.repeat(3_000_000) });
  add('bundle', 'the same record listed twice', withMembers('bundle', (m) => m.set('manifest.json', jsonBytes({ ...bundleManifest, items: [item0, item0] }))));

  const backupManifest = json(valid.backup.members, 'manifest.json') as {
    schemaVersion: number;
    tables: Array<{ name: string; columns: string[]; rows: number; parts: Array<{ rows: number; sha256: string }> }>;
  };
  const tableIndex = (name: string) => backupManifest.tables.findIndex((table) => table.name === name);
  const backupPart = (label: string, table: string, change: (rows: unknown[][]) => unknown[][], columns?: string[]) => {
    const index = tableIndex(table);
    const name = `tables/${table}/1.json`;
    const rows = change(JSON.parse(Buffer.from(valid.backup.members.get(name)!).toString()) as unknown[][]);
    const bytes = jsonBytes(rows);
    let manifest = replaceAt(backupManifest, ['tables', index, 'parts', 0], { rows: rows.length, sha256: checksum(bytes) });
    manifest = replaceAt(manifest, ['tables', index, 'rows'], rows.length);
    if (columns) manifest = replaceAt(manifest, ['tables', index, 'columns'], columns);
    add('backup', label, withMembers('backup', (m) => m.set(name, bytes).set('manifest.json', jsonBytes(manifest))));
  };
  const tablesWithRows = backupManifest.tables.filter((table) => table.rows > 0).map((table) => table.name);
  for (let i = 0; i < 100; i++) {
    const table = rng.pick(tablesWithRows);
    backupPart(`backup ${table} cell of the wrong type ${i}`, table, (rows) => {
      const row = rng.int(rows.length);
      const cell = rng.int(rows[row]!.length);
      return replaceAt(rows, [row, cell], rng.pick([{}, [], { blob: 'nope' }, [1]])) as unknown[][];
    });
  }
  backupPart('a row with an extra value', 'plans', (rows) => rows.map((row) => [...row, 'extra']));
  backupPart('a duplicate primary key', 'plans', (rows) => [...rows, rows[0]!]);
  backupPart('text in an integer column', 'revisions', (rows) => rows.map((row) => ['not a number', ...row.slice(1)]));
  backupPart('a diary entry for a company that is not there', 'engagements', (rows) => rows.map((row) => [row[0], crypto.randomUUID(), ...row.slice(2)]));
  backupPart('a column this version never had', 'plans', (rows) => rows, ['id', 'title', 'company_id', 'doc', 'created_at', 'dropped_column']);
  backupPart('an SQL injection as a column name', 'plans', (rows) => rows, ['id', 'title', 'company_id', 'doc', 'created_at', 'updated_at"); DROP TABLE plans; --']);
  add('backup', 'a table this version never had', withMembers('backup', (m) => m.set('manifest.json', jsonBytes(replaceAt(backupManifest, ['tables', 0, 'name'], 'no_such_table')))));
  add('backup', 'a schema version from the future', withMembers('backup', (m) => m.set('manifest.json', jsonBytes({ ...backupManifest, schemaVersion: 99 }))));
  add('backup', 'a schema version of zero', withMembers('backup', (m) => m.set('manifest.json', jsonBytes({ ...backupManifest, schemaVersion: 0 }))));
  add('backup', 'the same table twice', withMembers('backup', (m) => m.set('manifest.json', jsonBytes({ ...backupManifest, tables: [...backupManifest.tables, backupManifest.tables[0]] }))));
  add('backup', 'a row count that does not add up', withMembers('backup', (m) => m.set('manifest.json', jsonBytes(replaceAt(backupManifest, ['tables', tableIndex('plans'), 'rows'], 7)))));
  return cases;
}

const TARGETS: Record<Kind, [Target, Target]> = {
  backup: ['exchange.backup.verify', 'exchange.backup.restore'],
  bundle: ['exchange.bundle.preview', 'exchange.bundle.import'],
};

function input(target: Target, c: Case) {
  const data = typeof c.data === 'string' ? c.data : b64(c.data);
  const passphrase = c.passphrase ?? PASSPHRASE;
  if (target === 'exchange.backup.restore') return { data, passphrase, name: 'Restored', vaultPassphrase: 'a new vault passphrase' };
  if (target === 'exchange.bundle.import') return { data, passphrase, confirm: true };
  return { data, passphrase };
}

/** A sentence for a person: capitalised, ends with a full stop, no stack, SQL or raw error names. */
const isSentence = (message: string) =>
  /^[A-Z“"].*\.$/s.test(message) && message.length < 400 && !/SQLITE|\bat .*:\d+|Error:|ZodError|undefined|\bselect\b|\binsert\b/i.test(message);

describe('hostile backup files and bundles', () => {
  beforeAll(async () => {
    t = await unlockedCore();
    const fixture = await fullVault(t);
    const backup = await t.call('exchange.backup.create', { passphrase: PASSPHRASE });
    const items = [
      { kind: 'plan' as const, id: fixture.plan.id },
      { kind: 'package' as const, id: fixture.pkg.id },
      { kind: 'assessment' as const, id: fixture.assessment.id },
    ];
    const bundle = await t.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: PASSPHRASE, items, includeCitedFiles: true });
    valid.backup = await validFile('backup', backup.data);
    valid.bundle = await validFile('bundle', bundle.data);
  });

  it('refuses more than a thousand of them with a sentence, and changes nothing', async () => {
    const cases = hostileCases();
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const before = await folderDigest(t);
    const head = await t.call('integrity.verify', null);
    const failures: string[] = [];
    let calls = 0;
    for (const [i, c] of cases.entries()) {
      const target = TARGETS[c.kind][i % 2]!;
      const result = await t.raw(target, input(target, c));
      calls++;
      if (result.ok) failures.push(`${target} accepted: ${c.label}`);
      else if (result.error.code === 'INTERNAL' || !isSentence(result.error.message)) failures.push(`${target} ${c.label}: ${result.error.code} ${result.error.message}`);
      if (await folderDigest(t) !== before) {
        failures.push(`${target} ${c.label}: the data folder changed`);
        break;
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(1000);
    expect(await t.call('integrity.verify', null)).toEqual(head);
    console.info(`[fuzz] ${calls} hostile inputs refused`);
    // The whole data folder is hashed after every case (new vaults start at 1 MB with 16 KB pages):
    // about 80 s on a quiet two-core machine.
  }, 300_000);

  it('keeps Markdown and HTML in titles and names as inert text', async () => {
    const injections = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '[click](javascript:alert(1))', '"><svg onload=alert(1)>', '**bold** `code` <!-- c -->'];
    const manifest = json(valid.bundle.members, 'manifest.json') as { items: Array<{ kind: string; id: string; sha256: string }>; organisation: string; bundleId: string };
    const item = manifest.items.find((i) => i.kind === 'plan')!;
    const name = `records/plan/${item.id}.json`;
    for (const [n, injection] of injections.entries()) {
      const bytes = jsonBytes({ ...json(valid.bundle.members, name), title: injection });
      const items = [{ ...item, sha256: checksum(bytes) }];
      const data = b64(
        withMembers('bundle', (m) => {
          for (const key of [...m.keys()]) if (key.startsWith('records/') || key.startsWith('files/')) m.delete(key);
          m.set(name, bytes).set('manifest.json', jsonBytes({ ...manifest, bundleId: crypto.randomUUID(), organisation: injection, items, files: [] }));
        }),
      );
      const preview = await t.call('exchange.bundle.preview', { data, passphrase: PASSPHRASE });
      expect(preview.organisation).toBe(injection);
      expect(preview.items[0]!.title).toBe(injection);
      const result = await t.call('exchange.bundle.import', { data, passphrase: PASSPHRASE, confirm: true });
      expect(result.added, `injection ${n}`).toHaveLength(1);
      const stored = await t.call('plans.get', { id: result.added[0]!.id });
      expect(stored.title).toBe(injection);
      expect((await t.call('exchange.provenance', { entity: 'plan', id: stored.id }))!.organisation).toBe(injection);
    }
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });
  });
});
