import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../components/useApi';

interface Props {
  /** The company's headquarters, ISO 3166-1 alpha-2 ('' when unknown). */
  country: string;
  /** States where the company operates and the harm happens. */
  operatingCountries?: string[];
  /** Shown when the directory says an NCP complaint may be open (e.g. "Add an NCP step"). */
  action?: ReactNode;
}

/**
 * Whether an OECD National Contact Point complaint may be open, from the mechanism directory. A
 * state missing from the directory is "not recorded", never "does not adhere". Reusable on the
 * company page: <OecdAdherence country={company.hqCountry} />.
 */
export function OecdAdherence({ country, operatingCountries = [], action }: Props) {
  const { t } = useTranslation('plans');
  const key = `${country}|${operatingCountries.join(',')}`;
  const { state } = useApi('plans.oecd', { hqCountry: country, operatingCountries }, [key]);
  if (state.status !== 'ready') return null;
  const hint = state.data;
  return (
    <section className={`notice oecd-hint ${hint.status}`} aria-labelledby={`oecd-${key}`} data-testid="oecd-adherence">
      <h3 id={`oecd-${key}`}>{t('oecd.title')}</h3>
      <p>{hint.sentence}</p>
      {hint.offerStep && action}
    </section>
  );
}
