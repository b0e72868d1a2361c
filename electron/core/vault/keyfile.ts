import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomicShreddingOld, type AtomicHooks } from './durable-fs';
import { deriveKek, isAcceptableScrypt, KEY_BYTES, SALT_BYTES, type ScryptParams } from './kdf';

const IV_BYTES = 12;
/** GCM accepts tags as short as 4 bytes; anything shorter than 16 makes forging a keyfile easier. */
const TAG_BYTES = 16;

/** Base64 that must decode to exactly `length` bytes. */
const base64Bytes = (length: number) => z.base64().refine((value) => Buffer.from(value, 'base64').length === length);

const KdfParams = z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() });

/** The vault key wrapped (AES-256-GCM) under a key derived from one passphrase. */
const WrappedKey = z.object({
  kdf: KdfParams,
  salt: base64Bytes(SALT_BYTES),
  iv: base64Bytes(IV_BYTES),
  wrappedKey: base64Bytes(KEY_BYTES),
  tag: base64Bytes(TAG_BYTES),
});
export type WrappedKey = z.infer<typeof WrappedKey>;

/** One key encrypted under another (AES-256-GCM), without a KDF. */
const SealedKey = z.object({ iv: base64Bytes(IV_BYTES), data: base64Bytes(KEY_BYTES), tag: base64Bytes(TAG_BYTES) });
export type SealedKey = z.infer<typeof SealedKey>;

/**
 * keyfile.json: the random vault key wrapped under the passphrase, plus two things that must live
 * and die with it:
 * - `pending`: a passphrase change in progress (the new key under the new passphrase, and the old
 *   key sealed under the new key so the change can be finished after a crash);
 * - `attempts`: wrong passphrases in a row. Kept here, not in a file of its own, so deleting it
 *   deletes the key too: the count cannot be reset without destroying the vault.
 */
const Keyfile = WrappedKey.extend({
  version: z.literal(1),
  pending: WrappedKey.extend({ previousKey: SealedKey }).optional(),
  attempts: z.object({ failures: z.number().int().min(0).max(1_000_000), lastFailureAt: z.number().finite() }).optional(),
});
export type Keyfile = z.infer<typeof Keyfile>;
export type PendingChange = NonNullable<Keyfile['pending']>;

/**
 * Additional authenticated data: binds the wrapped key to its vault and to the KDF parameters, so
 * swapping keyfiles between vaults or editing the parameters fails authentication.
 */
function aad(vaultId: string, params: ScryptParams): Buffer {
  return Buffer.from(`advocacy-workbench/keyfile/1/${vaultId}/scrypt/${params.N}/${params.r}/${params.p}`, 'utf8');
}

const previousKeyAad = (vaultId: string): Buffer => Buffer.from(`advocacy-workbench/previous-key/1/${vaultId}`, 'utf8');

/** A new keyfile holding `vaultKey` under `passphrase`. */
export async function wrapVaultKey(vaultKey: Buffer, passphrase: Buffer, params: ScryptParams, vaultId: string): Promise<Keyfile> {
  return { version: 1, ...(await wrapKey(vaultKey, passphrase, params, vaultId)) };
}

export async function wrapKey(vaultKey: Buffer, passphrase: Buffer, params: ScryptParams, vaultId: string): Promise<WrappedKey> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const kek = await deriveKek(passphrase, salt, params);
  try {
    const sealed = sealUnder(kek, vaultKey, aad(vaultId, params));
    return { kdf: { name: 'scrypt', ...params }, salt: salt.toString('base64'), iv: sealed.iv, wrappedKey: sealed.data, tag: sealed.tag };
  } finally {
    kek.fill(0);
  }
}

/** The vault key, or null when the passphrase is wrong (GCM authentication failed). */
export async function unwrapVaultKey(wrapped: WrappedKey, passphrase: Buffer, vaultId: string): Promise<Buffer | null> {
  const params = { N: wrapped.kdf.N, r: wrapped.kdf.r, p: wrapped.kdf.p };
  const kek = await deriveKek(passphrase, Buffer.from(wrapped.salt, 'base64'), params);
  try {
    return openUnder(kek, { iv: wrapped.iv, data: wrapped.wrappedKey, tag: wrapped.tag }, aad(vaultId, params));
  } finally {
    kek.fill(0);
  }
}

/** Seals the key being replaced under its successor, for finishing an interrupted passphrase change. */
export function sealPreviousKey(previous: Buffer, next: Buffer, vaultId: string): SealedKey {
  return sealUnder(next, previous, previousKeyAad(vaultId));
}

export function openPreviousKey(sealed: SealedKey, next: Buffer, vaultId: string): Buffer | null {
  return openUnder(next, sealed, previousKeyAad(vaultId));
}

function sealUnder(kek: Buffer, key: Buffer, additional: Buffer): SealedKey {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additional);
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

function openUnder(kek: Buffer, sealed: SealedKey, additional: Buffer): Buffer | null {
  const tag = Buffer.from(sealed.tag, 'base64');
  // Checked here as well as in the schema: this function must never accept a truncated tag.
  if (tag.length !== TAG_BYTES) return null;
  const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(additional);
  decipher.setAuthTag(tag);
  const head = decipher.update(Buffer.from(sealed.data, 'base64'));
  try {
    const tail = decipher.final();
    const key = Buffer.concat([head, tail]);
    tail.fill(0);
    if (key.length === KEY_BYTES) return key;
    key.fill(0);
    return null;
  } catch {
    return null;
  } finally {
    head.fill(0);
  }
}

/** Reads and checks keyfile.json; null when it is missing or not a keyfile this version understands. */
export function readKeyfile(file: string): Keyfile | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = Keyfile.safeParse(json);
  if (!parsed.success || !isAcceptableScrypt(parsed.data.kdf)) return null;
  if (parsed.data.pending && !isAcceptableScrypt(parsed.data.pending.kdf)) return null;
  return parsed.data;
}

/**
 * Replaces keyfile.json atomically (0600): after a crash it is either the old or the new one. The
 * old version is then overwritten in place, so an earlier wrapping of the key (under an old
 * passphrase, or before a failure was counted) does not linger in freed blocks.
 */
export function writeKeyfile(file: string, keyfile: Keyfile, hooks?: AtomicHooks): void {
  writeFileAtomicShreddingOld(file, `${JSON.stringify(keyfile, null, 2)}\n`, hooks);
}
