import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { MIN_PASSPHRASE_SCORE } from '@shared/api/vault';
import { DomainError } from '../rpc/domain-error';

export const WEAK_PASSPHRASE =
  'This passphrase is too easy to guess. Use four or more words chosen at random (not a saying, a name or a date), separated by spaces. Nothing was changed.';

let factory: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries take about a second to load: only when a passphrase is being chosen. */
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return factory;
}

/** zxcvbn-ts score, 0 to 4; `userInputs` (such as the vault name) count as guessable words. */
export async function passphraseScore(passphrase: string, userInputs: string[] = []): Promise<number> {
  const zxcvbn = await estimator();
  try {
    return zxcvbn.check(passphrase, userInputs).score;
  } finally {
    // zxcvbn-ts keeps the last password it scored on the (long-lived) factory: score a fixed word
    // so the passphrase is not kept alive in memory after the vault locks.
    zxcvbn.check(FORGET);
  }
}

const FORGET = '-';

/**
 * Refuses a new passphrase the estimator rates below strong. Checked in core, not only in the
 * forms, so no client (a script, an old page) can create a vault behind a guessable passphrase.
 */
export async function assertStrongPassphrase(passphrase: string, field: string, userInputs: string[] = []): Promise<void> {
  if ((await passphraseScore(passphrase, userInputs)) < MIN_PASSPHRASE_SCORE) {
    throw new DomainError('INVALID_INPUT', 'vault.weakPassphrase', WEAK_PASSPHRASE, { fields: [field] });
  }
}
