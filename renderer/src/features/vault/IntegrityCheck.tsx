import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '@shared/api/diary';
import { sentenceText } from '../../api/sentence-text';
import { formatDateTime, formatNumber } from '../../i18n';
import { startIntegrityCheck, useIntegrityCheck } from './integrityStore';

/**
 * "Verify integrity": re-walks the hash chain of every saved version and compares it with the
 * records, so a change made to the vault outside the app shows. The head hash is shown to be
 * written down: the same vault later shows the same hash, or a longer chain that started from it.
 */
export function IntegrityCheck() {
  const { t } = useTranslation('vault');
  const check = useIntegrityCheck();
  const running = check.state === 'running';
  return (
    <section className="card" aria-labelledby="integrity-title">
      <h3 id="integrity-title">{t('integrity.title')}</h3>
      <p className="hint">{t('integrity.hint')}</p>
      <button type="button" className="button" disabled={running} onClick={() => void startIntegrityCheck()}>
        {running ? t('integrity.running') : t('integrity.verify')}
      </button>
      {running && (
        <p role="status">
          <progress
            aria-label={t('integrity.progressLabel')}
            max={check.progress?.total || undefined}
            value={check.progress ? check.progress.done : undefined}
          />{' '}
          {check.progress === null
            ? t('integrity.starting')
            : check.progress.phase === 'chain'
              ? t('integrity.phaseChain', { done: formatNumber(check.progress.done), total: formatNumber(check.progress.total) })
              : t('integrity.phaseRecords', { done: formatNumber(check.progress.done) })}
          <br />
          <span className="hint">{t('integrity.keepWorking')}</span>
        </p>
      )}
      {check.state === 'error' && (
        <p className="error" role="alert">
          {check.message}
        </p>
      )}
      {check.state === 'done' && <IntegrityReportView report={check.report} finishedAt={check.finishedAt} />}
    </section>
  );
}

function IntegrityReportView({ report, finishedAt }: { report: IntegrityReport; finishedAt: string }) {
  const { t } = useTranslation('vault');
  const broken = report.firstBroken;
  return (
    <div role="status" data-testid="integrity-report">
      {report.ok ? (
        <p>
          <strong>{report.checked === 0 ? t('integrity.empty') : t('integrity.verified')}</strong>
        </p>
      ) : (
        <p className="error">
          <strong>{t('integrity.failed')}</strong>
        </p>
      )}
      <dl className="facts">
        <dt>{t('integrity.checkedAt')}</dt>
        <dd>{formatDateTime(finishedAt)}</dd>
        <dt>{report.ok ? t('integrity.checked') : t('integrity.checkedBefore')}</dt>
        <dd>{formatNumber(report.checked)}</dd>
        <dt>{report.ok ? t('integrity.records') : t('integrity.recordsBefore')}</dt>
        <dd>{formatNumber(report.records)}</dd>
        {report.headHash && (
          <>
            <dt>{t('integrity.headHash')}</dt>
            <dd>
              <code data-testid="integrity-head-hash" style={{ overflowWrap: 'anywhere' }}>
                {report.headHash}
              </code>
            </dd>
          </>
        )}
        {broken && (
          <>
            <dt>{t('integrity.record')}</dt>
            <dd>
              {t(`integrity.kinds.${broken.entity}`)} <code>{broken.entityId}</code>
              {broken.seq > 0 && <> · {t('integrity.revision', { seq: formatNumber(broken.seq) })}</>}
            </dd>
            <dt>{t('integrity.problem')}</dt>
            <dd>{sentenceText({ message: broken.reason, key: broken.reasonKey })}</dd>
          </>
        )}
      </dl>
      {report.ok && report.headHash && <p className="hint">{t('integrity.headHashHint')}</p>}
      {broken && <p className="hint">{t('integrity.whatNow')}</p>}
    </div>
  );
}
