import { useTranslation } from 'react-i18next';
import { AsyncView } from '../../../components/AsyncView';
import { useApi } from '../../../components/useApi';

/** How a company has kept its word: one sentence, a bar, and the counts by month. */
export function LedgerCard({ companyId, version }: { companyId: string; version: string }) {
  const { t } = useTranslation('diary');
  const { state, reload } = useApi('companies.ledger', { id: companyId }, [companyId, version]);
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('companies.ledger')}</h2>
      <AsyncView state={state} onRetry={reload}>
        {(ledger) => (
          <>
            <p data-testid="ledger-sentence">
              <strong>{ledger.sentence}</strong>
            </p>
            {ledger.made > 0 && (
              <div className="ledger-bar" aria-hidden="true">
                <span style={{ width: `${(100 * ledger.kept) / ledger.made}%`, background: 'var(--ok)' }} />
                <span style={{ width: `${(100 * ledger.partlyKept) / ledger.made}%`, background: 'var(--warn)' }} />
                <span style={{ width: `${(100 * ledger.broken) / ledger.made}%`, background: 'var(--danger)' }} />
              </div>
            )}
            {ledger.byMonth.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('companies.month')}</th>
                    <th scope="col">{t('companies.made')}</th>
                    <th scope="col">{t('statuses.kept')}</th>
                    <th scope="col">{t('statuses.broken')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.byMonth.map((row) => (
                    <tr key={row.month}>
                      <td>{row.month}</td>
                      <td>{row.made}</td>
                      <td>{row.kept}</td>
                      <td>{row.broken}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}
