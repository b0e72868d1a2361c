// The passphrase rules the forms show and core checks, apart from the zod schemas in vault.ts, so
// the vault gate's screens do not bring zod onto every page behind the gate.

/** Short passphrases fall to offline guessing even behind scrypt; the UI also shows strength. */
export const PASSPHRASE_MIN_LENGTH = 12;
/**
 * The lowest zxcvbn score a new passphrase may have, checked by core and shown by the forms. 4 is
 * zxcvbn's "strong protection from offline slow-hash scenario" (10^10 guesses or more): exactly the
 * threat here, a seized laptop whose keyfile is attacked offline. 3 stops at 10^10 guesses, which a
 * well-funded attacker gets through in days even against scrypt.
 */
export const MIN_PASSPHRASE_SCORE = 4;
