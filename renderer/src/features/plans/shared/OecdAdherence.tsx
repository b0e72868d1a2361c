import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NcpFact, NcpRoute } from '@shared/api/plans';
import { ExternalLink } from '../../../components/ExternalLink';
import { useApi } from '../../../components/useApi';
import { formatDay } from '../../../i18n';
import { sortLanguage } from '../../../i18n/locale-format';

interface Props {
  /** The company's headquarters, ISO 3166-1 alpha-2 ('' when unknown). */
  country: string;
  /** Where the harm happened. */
  harmCountries?: string[];
  /** Other states where the company operates. */
  operatingCountries?: string[];
  /** Home states of a subsidiary or parent involved. */
  entityCountries?: string[];
  /** Shown when a complaint has an NCP to go to (e.g. "Add an NCP step"). */
  action?: ReactNode;
}

/**
 * Which OECD National Contact Point a complaint would go to, and what that NCP is like in practice,
 * routed in core as the Procedural Guidance does. Reusable on the company page with only the
 * headquarters: <OecdAdherence country={company.hqCountry} />.
 */
export function OecdAdherence({ country, harmCountries = [], operatingCountries = [], entityCountries = [], action }: Props) {
  const { t, i18n } = useTranslation('plans');
  const key = [country, harmCountries.join(','), operatingCountries.join(','), entityCountries.join(',')].join('|');
  // Core writes the route's sentences and country names, so it is asked again in a newly chosen language.
  const locale = sortLanguage();
  const { state } = useApi('plans.oecd', { hqCountry: country, harmCountries, operatingCountries, entityCountries, locale }, [key, i18n.language]);
  if (state.status === 'loading') return null;
  // A headquarters saved before the country picker may hold a code that is not a country.
  if (state.status === 'error') return <p className="notice">{t('oecd.badCountry', { message: state.error.message })}</p>;
  const routing = state.data;
  const headingId = `oecd-${key.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <section className={`notice oecd-hint ${routing.status}`} aria-labelledby={headingId} data-testid="oecd-adherence">
      <h3 id={headingId}>{t('oecd.title')}</h3>
      <p>{routing.sentence}</p>
      {routing.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      {routing.translation && (
        <p className="hint" role="note" data-testid="ncp-translation-notice">
          {!routing.translation.reviewed && <strong>{t('oecd.unreviewed')}</strong>}
          {routing.translation.outdated && <span> {t('oecd.outdated')}</span>}
        </p>
      )}
      {routing.ncps.map((ncp) => (
        <NcpCard key={ncp.iso2} ncp={ncp} />
      ))}
      {routing.ncps.length > 0 && (
        <details>
          <summary>{t('oecd.general')}</summary>
          <Facts facts={routing.general} inEnglish={routing.generalInEnglish} />
        </details>
      )}
      <p className="hint">{t('oecd.adherentsAsOf', { date: formatDay(routing.adherentsAsOf) })}</p>
      {routing.offerStep && action}
    </section>
  );
}

function NcpCard({ ncp }: { ncp: NcpRoute }) {
  const { t } = useTranslation('plans');
  const nameInEnglish = ncp.inEnglish.includes('name');
  return (
    <div className="ncp-card" data-testid="ncp-route" data-iso2={ncp.iso2}>
      <h4>
        <span lang={nameInEnglish ? 'en' : undefined}>{ncp.name}</span>
        {/* A translated name keeps the official one beside it: it is the name to find and write to. */}
        {ncp.nameInEnglish && <span lang="en"> ({ncp.nameInEnglish})</span>}{' '}
        <span className="hint">{t(`oecd.basis.${ncp.basis}`, { country: ncp.country })}</span>
        {ncp.lead && <span className="badge">{t('oecd.lead')}</span>}
        {nameInEnglish && <InEnglish />}
      </h4>
      {!ncp.practiceKnown && <p className="hint">{t('oecd.noNotes')}</p>}
      <Facts facts={ncp.facts} inEnglish={ncp.inEnglish.includes('facts')} />
      <p className="hint">
        {t('oecd.checked', { date: formatDay(ncp.asOf) })}{' '}
        {ncp.sources.map((source, i) => (
          <span key={source.url}>
            {i > 0 && ' · '}
            {/* The titles of the pages cited, as they are published. */}
            <span lang="en">
              <ExternalLink href={source.url}>{source.title}</ExternalLink>
            </span>
            {source.kind === 'background' && ` (${t('oecd.background')})`}
          </span>
        ))}
      </p>
    </div>
  );
}

/** Says that the text beside it is the English original, not yet translated. */
function InEnglish() {
  const { t } = useTranslation('plans');
  return <span className="badge ncp-in-english">{t('oecd.inEnglish')}</span>;
}

/** `inEnglish`: the facts' words are the English original beside a translated panel, and say so. */
function Facts({ facts, inEnglish = false }: { facts: NcpFact[]; inEnglish?: boolean }) {
  const { t } = useTranslation('plans');
  return (
    <>
      {inEnglish && (
        <p className="hint">
          <InEnglish />
        </p>
      )}
      <ul className="ncp-facts">
        {facts.map((fact) => (
          <li key={`${fact.topic}:${fact.text}`}>
            {!fact.checked && <strong className="to-check">{t('oecd.toBeChecked')} </strong>}
            <span lang={inEnglish ? 'en' : undefined}>{fact.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
