import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_SCORE, PASSPHRASE_MIN_LENGTH } from '@shared/api/passphrase-rules';
import { usePassphraseStrength, type Strength } from './usePassphraseStrength';

interface Props {
  label: string;
  passphrase: string;
  confirmation: string;
  onPassphrase: (value: string) => void;
  onConfirmation: (value: string) => void;
  /** Words the passphrase should not lean on, such as the vault name. */
  userInputs?: string[];
}

/** A new passphrase twice, with a strength meter. Used by "create vault" and "change passphrase". */
export function NewPassphraseFields({ label, passphrase, confirmation, onPassphrase, onConfirmation, userInputs }: Props) {
  const { t } = useTranslation('vault');
  const id = useId();
  const strength = usePassphraseStrength(passphrase, userInputs);
  const levels = t('strength.levels', { returnObjects: true }) as string[];
  const tooShort = passphrase.length > 0 && passphrase.length < PASSPHRASE_MIN_LENGTH;
  const tooWeak = !tooShort && strength !== null && !isStrong(strength);
  const mismatch = confirmation.length > 0 && confirmation !== passphrase;

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>{label}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={passphrase}
          onChange={(event) => onPassphrase(event.target.value)}
          aria-describedby={`${id}-hint ${id}-strength`}
          aria-invalid={tooShort || tooWeak}
        />
        <span id={`${id}-hint`} className="hint">
          {tooShort ? t('tooShort', { count: PASSPHRASE_MIN_LENGTH }) : t('passphraseHint', { count: PASSPHRASE_MIN_LENGTH })}
        </span>
        <div id={`${id}-strength`} aria-live="polite">
          {passphrase && !strength && <span className="hint">{t('strength.checking')}</span>}
          {strength && (
            <>
              <label htmlFor={`${id}-meter`}>
                {t('strength.label')}: {levels[strength.score]}
              </label>{' '}
              <meter id={`${id}-meter`} min={0} max={4} low={2} high={3} optimum={4} value={strength.score} />
              {tooWeak && <p className="error">{t('tooWeak')}</p>}
              {strength.warning && <p className="hint">{strength.warning}</p>}
              {strength.suggestions.map((suggestion) => (
                <p key={suggestion} className="hint">
                  {suggestion}
                </p>
              ))}
            </>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t('confirmPassphrase')}</label>
        <input
          id={`${id}-confirm`}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={confirmation}
          onChange={(event) => onConfirmation(event.target.value)}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? `${id}-mismatch` : undefined}
        />
        {mismatch && (
          <span id={`${id}-mismatch`} className="hint">
            {t('mismatch')}
          </span>
        )}
      </div>
    </>
  );
}

/** Rated strong enough by the estimator; core applies the same rule to vault passphrases. */
export const isStrong = (strength: Strength | null): boolean => strength !== null && strength.score >= MIN_PASSPHRASE_SCORE;

/** Whether a new passphrase pair may be submitted (length and match; vault forms also need isStrong). */
export const isAcceptableNewPassphrase = (passphrase: string, confirmation: string): boolean =>
  passphrase.length >= PASSPHRASE_MIN_LENGTH && passphrase === confirmation;
