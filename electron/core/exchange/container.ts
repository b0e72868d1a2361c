// The encrypted envelope shared by backup files and partner bundles:
//
//   magic (8 bytes) | header length (u16, big-endian) | header JSON | ciphertext | GCM tag (16)
//
// The header holds the scrypt parameters, salt and IV, and is authenticated as additional data
// together with the magic, so a file with edited parameters or a swapped kind fails to open.
// The passphrase → key step is the same scrypt as keyfile.json; parameters read back may not exceed
// what this app writes.
import crypto from 'node:crypto';
import { z } from 'zod';
import { deriveKek, isAcceptableScrypt, passphraseBytes, SALT_BYTES, type ScryptParams } from '../vault/kdf';
import { DomainError } from '../rpc/domain-error';
import { badFile, tooLarge, wrongPassphrase, type FileKind } from './errors';
import { readJson } from './safe-json';

const MAGIC: Record<FileKind, Buffer> = { backup: Buffer.from('AWBACKUP', 'ascii'), bundle: Buffer.from('AWBUNDLE', 'ascii') };
const MAGIC_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 512;
/**
 * Files decrypted at once. Each costs the scrypt memory (128 MiB) plus the file and its plaintext
 * (up to 256 MB for a backup), so parallel previews or verifies could exhaust a small laptop's
 * memory; a second one is refused until the first is done rather than queued behind it.
 */
const MAX_CONCURRENT_OPENS = 1;
let opening = 0;

const Header = z.strictObject({
  v: z.literal(1),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  salt: z.base64().length(24),
  iv: z.base64().length(16),
});

/** A key derived once, for sealing several files with the same passphrase and salt (tests craft with it). */
export interface SealingKey {
  key: Buffer;
  salt: Buffer;
  params: ScryptParams;
}

export async function deriveSealingKey(passphrase: string, params: ScryptParams, salt = crypto.randomBytes(SALT_BYTES)): Promise<SealingKey> {
  const secret = passphraseBytes(passphrase);
  try {
    return { key: await deriveKek(secret, salt, params), salt, params };
  } finally {
    secret.fill(0);
  }
}

export function sealWithKey(kind: FileKind, plaintext: Uint8Array, sealing: SealingKey): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const header = Buffer.from(
    JSON.stringify({ v: 1, kdf: { name: 'scrypt', ...sealing.params }, salt: sealing.salt.toString('base64'), iv: iv.toString('base64') }),
    'utf8',
  );
  const prefix = Buffer.alloc(MAGIC_BYTES + 2);
  MAGIC[kind].copy(prefix);
  prefix.writeUInt16BE(header.length, MAGIC_BYTES);
  const aad = Buffer.concat([prefix, header]);
  const cipher = crypto.createCipheriv('aes-256-gcm', sealing.key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([aad, body, cipher.getAuthTag()]);
}

export async function seal(kind: FileKind, plaintext: Uint8Array, passphrase: string, params: ScryptParams): Promise<Buffer> {
  const sealing = await deriveSealingKey(passphrase, params);
  try {
    return sealWithKey(kind, plaintext, sealing);
  } finally {
    sealing.key.fill(0);
  }
}

/**
 * Checks the envelope, derives the key and decrypts in memory. Returns the plaintext, which the
 * caller zeroes when done. GCM cannot tell a wrong passphrase from a changed byte; the sentence
 * says both.
 */
export async function open(kind: FileKind, file: Buffer, passphrase: string, maxBytes: number): Promise<Buffer> {
  if (opening >= MAX_CONCURRENT_OPENS) {
    throw new DomainError('UNAVAILABLE', 'exchange.anotherFileOpening', 'Another backup file or bundle is being opened. Wait for it to finish, then try again. Nothing was changed.');
  }
  opening++;
  try {
    return await openOne(kind, file, passphrase, maxBytes);
  } finally {
    opening--;
  }
}

async function openOne(kind: FileKind, file: Buffer, passphrase: string, maxBytes: number): Promise<Buffer> {
  if (file.length > maxBytes) throw tooLarge(kind, 'exchange.fileTooLarge', `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most the app accepts`, { max: Math.round(maxBytes / 1024 / 1024) });
  if (file.length < MAGIC_BYTES + 2 + TAG_BYTES) throw badFile(kind, 'exchange.cutShort', 'it is empty or cut short');
  const magic = file.subarray(0, MAGIC_BYTES);
  if (!magic.equals(MAGIC[kind])) {
    const other: FileKind = kind === 'backup' ? 'bundle' : 'backup';
    if (magic.equals(MAGIC[other])) throw badFile(kind, 'exchange.wrongKindOfFile', `it is a ${other === 'backup' ? 'full backup file' : 'partner bundle'}, not a ${kind === 'backup' ? 'backup file' : 'partner bundle'}`);
    throw badFile(kind, 'exchange.notOurs', 'it is not a file made by Advocacy Workbench');
  }
  const headerLength = file.readUInt16BE(MAGIC_BYTES);
  const headerEnd = MAGIC_BYTES + 2 + headerLength;
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES || headerEnd + TAG_BYTES > file.length) throw badFile(kind, 'exchange.headerDamaged', 'its header is damaged');
  const json = readJson(file.subarray(MAGIC_BYTES + 2, headerEnd), MAX_HEADER_BYTES);
  const header = json.ok ? Header.safeParse(json.value) : null;
  if (!header?.success) throw badFile(kind, 'exchange.headerDamaged', 'its header is damaged');
  const params = { N: header.data.kdf.N, r: header.data.kdf.r, p: header.data.kdf.p };
  // Checked before any key is derived: a header asking for more than this app ever writes is hostile.
  if (!isAcceptableScrypt(params)) throw badFile(kind, 'exchange.unsafeKeySettings', 'its header asks for key settings outside the safe range');

  const secret = passphraseBytes(passphrase);
  let key: Buffer;
  try {
    key = await deriveKek(secret, Buffer.from(header.data.salt, 'base64'), params);
  } finally {
    secret.fill(0);
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.data.iv, 'base64'));
    decipher.setAAD(file.subarray(0, headerEnd));
    decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
    const body = decipher.update(file.subarray(headerEnd, file.length - TAG_BYTES));
    try {
      return Buffer.concat([body, decipher.final()]);
    } catch {
      throw wrongPassphrase(kind);
    } finally {
      body.fill(0);
    }
  } finally {
    key.fill(0);
  }
}
