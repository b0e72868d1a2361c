import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic, type AtomicHooks } from './durable-fs';
import { deriveKek, isAcceptableScrypt, KEY_BYTES, SALT_BYTES, type ScryptParams } from './kdf';

const Base64 = z.base64();

/**
 * keyfile.json: the random vault key wrapped (AES-256-GCM) under a key derived from the passphrase.
 * Changing the passphrase rewrites only this file; the database is never re-encrypted.
 */
const Keyfile = z.object({
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  salt: Base64,
  iv: Base64,
  wrappedKey: Base64,
  tag: Base64,
});
export type Keyfile = z.infer<typeof Keyfile>;

/**
 * Additional authenticated data: binds the wrapped key to its vault and to the KDF parameters, so
 * swapping keyfiles between vaults or editing the parameters fails authentication.
 */
function aad(vaultId: string, params: ScryptParams): Buffer {
  return Buffer.from(`advocacy-workbench/keyfile/1/${vaultId}/scrypt/${params.N}/${params.r}/${params.p}`, 'utf8');
}

export async function wrapVaultKey(vaultKey: Buffer, passphrase: Buffer, params: ScryptParams, vaultId: string): Promise<Keyfile> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const iv = crypto.randomBytes(12);
  const kek = await deriveKek(passphrase, salt, params);
  try {
    const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad(vaultId, params));
    const wrapped = Buffer.concat([cipher.update(vaultKey), cipher.final()]);
    return {
      version: 1,
      kdf: { name: 'scrypt', ...params },
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      wrappedKey: wrapped.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/** The vault key, or null when the passphrase is wrong (GCM authentication failed). */
export async function unwrapVaultKey(keyfile: Keyfile, passphrase: Buffer, vaultId: string): Promise<Buffer | null> {
  const params = { N: keyfile.kdf.N, r: keyfile.kdf.r, p: keyfile.kdf.p };
  const kek = await deriveKek(passphrase, Buffer.from(keyfile.salt, 'base64'), params);
  const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(keyfile.iv, 'base64'));
  decipher.setAAD(aad(vaultId, params));
  decipher.setAuthTag(Buffer.from(keyfile.tag, 'base64'));
  const head = decipher.update(Buffer.from(keyfile.wrappedKey, 'base64'));
  try {
    const tail = decipher.final();
    const key = Buffer.concat([head, tail]);
    tail.fill(0);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  } finally {
    head.fill(0);
    kek.fill(0);
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
  return parsed.data;
}

export function writeKeyfile(file: string, keyfile: Keyfile, hooks?: AtomicHooks): void {
  writeFileAtomic(file, `${JSON.stringify(keyfile, null, 2)}\n`, hooks);
}
