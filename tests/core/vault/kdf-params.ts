import type { ScryptParams } from '../../../electron/core/vault/kdf';

/** Cheap scrypt so tests stay fast; one test uses the real parameters. */
export const WEAK_KDF: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
