import { useId, useMemo, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, isCountryCode } from '@shared/domain/countries';
import { collatorFor, userLocale } from '../i18n/locale-format';
import './CountryPicker.css';

/**
 * Chooses countries by name, in the user's language, and stores ISO 3166-1 alpha-2 codes. Text
 * that is neither a listed name nor a real two-letter code is refused with a sentence: typing
 * "Japan" stores JP, and "JA" is never stored. With `single`, a new choice replaces the old one.
 */
interface Props {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string[];
  onChange: (codes: string[]) => void;
  single?: boolean;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase();

function displayNames(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  return (code) => names.of(code) ?? code;
}

/** The code for a typed name (in the UI language or English) or a real code; null otherwise. */
export function resolveCountry(text: string, locale: string): string | null {
  const wanted = fold(text);
  if (!wanted) return null;
  for (const name of [displayNames(locale), displayNames('en')]) {
    const match = COUNTRY_CODES.find((code) => fold(name(code)) === wanted);
    if (match) return match;
  }
  const code = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isCountryCode(code) ? code : null;
}

export function CountryPicker({ id, label, hint, value, onChange, single = false }: Props) {
  const { t, i18n } = useTranslation('common');
  const locale = i18n.language || 'en';
  const nameOf = useMemo(() => displayNames(locale), [locale]);
  const sortLocale = userLocale();
  const options = useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: nameOf(code) })).sort((a, b) => collatorFor(sortLocale).compare(a.name, b.name)), [nameOf, sortLocale]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const add = (typed: string) => {
    if (!typed.trim()) return;
    const code = resolveCountry(typed, locale);
    if (!code) {
      setError(t('countryPicker.unknown', { text: typed.trim() }));
      return;
    }
    setError(null);
    setText('');
    if (single) onChange([code]);
    else if (!value.includes(code)) onChange([...value, code]);
  };

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    setError(null);
    // A pick from the suggestion list arrives as a replacement, not as typing: take it at once.
    const native = event.nativeEvent as InputEvent;
    if (native.inputType === 'insertReplacementText' || native.inputType === undefined) {
      if (options.some((o) => o.name === event.target.value)) add(event.target.value);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add(text);
  };

  return (
    <div className="field country-picker">
      <label htmlFor={id}>{label}</label>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('countryPicker.chosen')}>
          {value.map((code) => (
            <li key={code} className="chip" data-code={code}>
              <span>
                {nameOf(code)} <span className="hint">({code})</span>
              </span>
              <button type="button" className="button" aria-label={t('countryPicker.remove', { name: nameOf(code) })} onClick={() => onChange(value.filter((c) => c !== code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="country-picker-entry">
        <input
          id={id}
          list={listId}
          value={text}
          autoComplete="off"
          placeholder={t('countryPicker.placeholder')}
          aria-describedby={[hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          onChange={onInput}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={() => add(text)}>
          {single ? t('countryPicker.set') : t('countryPicker.add')}
        </button>
      </div>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.code} value={o.name} />
        ))}
      </datalist>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
