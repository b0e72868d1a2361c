import { useTranslation } from 'react-i18next';
import type { PartyStatus as Status, TreatyStatus } from '@shared/api/kb';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../components/useApi';
import { CheckedDate } from './Provenance';
import { Sources, Unverified } from './SourceList';

/** Loads and shows which Asia-Pacific States are bound by the treaty an entry cites. */
export function PartyStatusPanel({ treaty }: { treaty: TreatyStatus['treaty'] }) {
  const { state, reload } = useApi('kb.treaties.status', { treaty }, [treaty]);
  return <AsyncView state={state} onRetry={reload}>{(status) => <PartyStatusTable status={status} />}</AsyncView>;
}

export function PartyStatusTable({ status, today }: { status: TreatyStatus; today?: string }) {
  const { t } = useTranslation('kb');
  const label = (value: Status, year: number | null) => (year ? t(`party.status.${value}Year`, { year }) : t(`party.status.${value}`));
  return (
    <section className="kb-party" aria-labelledby={`party-${status.treaty}`}>
      <h3 id={`party-${status.treaty}`}>{t('party.title', { treaty: status.title })}</h3>
      <p className="kb-companies-note">
        <strong>{t('party.companies')}</strong> {status.companiesNote}
      </p>
      <p className="hint">
        <CheckedDate asOf={status.asOf} today={today} />
      </p>
      <table className="kb-party-table">
        <caption className="hint">{t('party.caption', { protocol: status.protocolTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('party.state')}</th>
            <th scope="col">{t('party.treaty')}</th>
            <th scope="col">{t('party.protocol')}</th>
            <th scope="col">{t('party.note')}</th>
          </tr>
        </thead>
        {(['east-asia', 'south-east-asia', 'south-asia', 'pacific'] as const).map((subregion) => (
          <tbody key={subregion}>
            <tr>
              <th scope="colgroup" colSpan={4} className="kb-party-region">
                {t(`party.subregion.${subregion}`)}
              </th>
            </tr>
            {status.states
              .filter((s) => s.subregion === subregion)
              .map((s) => (
                <tr key={s.iso2} data-iso2={s.iso2}>
                  <th scope="row">{s.name}</th>
                  <td className={`kb-party-${s.treaty}`}>{label(s.treaty, s.treatyYear)}</td>
                  <td className={`kb-party-${s.protocol}`}>{label(s.protocol, s.protocolYear)}</td>
                  <td>{s.note ?? ''}</td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
      <Sources sources={status.sources} />
      <Unverified items={status.unverified} />
    </section>
  );
}
