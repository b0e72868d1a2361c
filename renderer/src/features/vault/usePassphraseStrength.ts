import { useEffect, useState } from 'react';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

let factory: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries are large: load them only when a passphrase form is shown. */
function loadZxcvbn(): Promise<ZxcvbnFactory> {
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

/** zxcvbn-ts estimate of a passphrase; words from `userInputs` (such as the vault name) count as guessable. */
export function usePassphraseStrength(passphrase: string, userInputs: string[] = []): Strength | null {
  const [strength, setStrength] = useState<Strength | null>(null);
  const inputsKey = userInputs.join('\u0000');
  useEffect(() => {
    if (!passphrase) {
      setStrength(null);
      return;
    }
    let current = true;
    void loadZxcvbn().then((zxcvbn) => {
      if (!current) return;
      const result = zxcvbn.check(passphrase, inputsKey ? inputsKey.split('\u0000') : []);
      // zxcvbn-ts keeps the last password it scored on the long-lived factory: leave a fixed word there.
      zxcvbn.check('-');
      setStrength({ score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions });
    });
    return () => {
      current = false;
    };
  }, [passphrase, inputsKey]);
  return strength;
}
