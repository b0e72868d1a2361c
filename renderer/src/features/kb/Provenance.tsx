import { useTranslation } from 'react-i18next';
import type { DatedFact } from '@shared/api/kb';
import { hasLapsed, isStale, todayIso } from '@shared/domain/kb-currency';
import { dateFormatter, userLocale } from '../../i18n/locale-format';
import { InEnglishMarker } from './InEnglishMarker';

/** "2026-12-01" → "1 Dec 2026", "2022-03" → "March 2022", "2013" → "2013", in the chosen language's locale. */
export function formatCheckDate(date: string): string {
  if (/^\d{4}$/.test(date)) return date;
  const month = /^\d{4}-\d{2}$/.test(date);
  const options: Intl.DateTimeFormatOptions = month ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return dateFormatter(userLocale(), options).format(new Date(`${month ? `${date}-01` : date}T00:00:00Z`));
}

/** "Checked 1 Dec 2026", with a warning when the check is more than twelve months old. */
export function CheckedDate({ asOf, today = todayIso() }: { asOf: string; today?: string }) {
  const { t } = useTranslation('kb');
  const stale = isStale(asOf, today);
  return (
    <span className={stale ? 'kb-checked kb-stale' : 'kb-checked'}>
      {t('provenance.checked', { date: formatCheckDate(asOf) })}
      {stale && <strong className="kb-stale-warning"> {t('provenance.stale')}</strong>}
    </span>
  );
}

/** Whether the toolkit itself names this entry, or the app added it. */
export function ToolkitBadge({ inToolkit }: { inToolkit: boolean }) {
  const { t } = useTranslation('kb');
  return (
    <span className={inToolkit ? 'kb-tag kb-tag-toolkit' : 'kb-tag kb-tag-added'} title={t(inToolkit ? 'provenance.inToolkitHint' : 'provenance.addedHint')}>
      {t(inToolkit ? 'provenance.inToolkit' : 'provenance.added')}
    </span>
  );
}

/**
 * Facts that are true for a time. A fact whose term has ended is shown as lapsed, in the words the
 * entry gives for that case, never as if it were still current.
 */
export function DatedFacts({ facts, today = todayIso(), inEnglish = false }: { facts: DatedFact[]; today?: string; inEnglish?: boolean }) {
  const { t } = useTranslation('kb');
  if (facts.length === 0) return null;
  // The facts' own words may be the English original beside a translated page; the dates and labels never are.
  const lang = inEnglish ? 'en' : undefined;
  return (
    <>
      <h3 className="kb-subhead">{t('provenance.datedFacts')}</h3>
      {inEnglish && <InEnglishMarker />}
      <ul className="kb-dated-facts">
        {facts.map((fact) => {
          const lapsed = hasLapsed(fact.until, today);
          return (
            <li key={fact.text} className={lapsed ? 'kb-fact-lapsed' : undefined}>
              {lapsed ? (
                <>
                  <strong>{t('provenance.lapsed', { date: formatCheckDate(fact.until ?? '') })}</strong> <span lang={lang}>{fact.lapsed}</span>
                </>
              ) : (
                <>
                  <span lang={lang}>{fact.text}</span> <CheckedDate asOf={fact.asOf} today={today} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
