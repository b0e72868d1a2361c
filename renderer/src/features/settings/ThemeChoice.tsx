import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTheme, storedTheme, THEMES, type Theme } from '../../app/theme';

/** Light, dark or the system's choice, for this device; applied as soon as it is picked. */
export function ThemeChoice() {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const pick = (next: Theme) => {
    chooseTheme(next);
    setTheme(next);
  };
  return (
    <section className="card" aria-labelledby="theme-title">
      <h2 id="theme-title">{t('theme.legend')}</h2>
      <fieldset className="theme-choice">
        <legend className="visually-hidden">{t('theme.legend')}</legend>
        {THEMES.map((option) => (
          <label key={option}>
            <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => pick(option)} /> {t(`theme.${option}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('theme.hint')}</p>
    </section>
  );
}
