import crypto from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. Memory used is about 128 * N * r bytes. */
  N: number;
  r: number;
  p: number;
}

/**
 * N=2^17, r=8, p=1: 128 MiB and about 0.45 s per attempt on the 2-core development machine (see
 * docs/security.md for measurements). This is OWASP's scrypt floor; memory hardness is what makes
 * offline guessing on GPUs expensive after a laptop is seized.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

/**
 * Bounds on parameters read back from a keyfile, a backup file or a bundle: never more than this app
 * writes (DEFAULT_SCRYPT), so an edited or hostile header cannot make opening it cost more memory or
 * time than an honest file does. Lower bounds stay loose so tests can use cheap parameters.
 */
export function isAcceptableScrypt(params: ScryptParams): boolean {
  const { N, r, p } = params;
  const powerOfTwo = Number.isInteger(N) && N > 0 && Number.isInteger(Math.log2(N));
  return (
    powerOfTwo &&
    N >= 2 ** 4 &&
    N <= DEFAULT_SCRYPT.N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= DEFAULT_SCRYPT.r &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= DEFAULT_SCRYPT.p
  );
}

/** Derives the key-encryption key. Async: scrypt runs on the libuv pool, not the event loop. */
export function deriveKek(passphrase: Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  // Node's default maxmem (32 MiB) is below what N=2^17 needs; allow twice the working set.
  const maxmem = 2 * 128 * N * r * p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    crypto.scrypt(passphrase, salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * The passphrase as bytes we own and can zero after use. NFC first: the same passphrase typed with
 * different keyboards or input methods (Vietnamese diacritics, for one) must give the same key.
 * The JS string itself cannot be wiped; callers drop it as soon as possible.
 */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}
