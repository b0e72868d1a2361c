import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupReport } from '@shared/api/exchange';
import { formatDateTime, formatNumber } from '../../i18n';

/** What a verified backup holds, and whether its history verifies. */
export function BackupReportView({ report }: { report: BackupReport }) {
  const { t } = useTranslation('exchange');
  const facts: Array<[string, string]> = [
    [t('report.created'), formatDateTime(report.createdAt)],
    [t('report.schema'), String(report.schemaVersion)],
    [t('report.checksums'), formatNumber(report.checksums)],
    [t('report.companies'), formatNumber(report.records.companies)],
    [t('report.engagements'), formatNumber(report.records.engagements)],
    [t('report.plans'), formatNumber(report.records.plans)],
    [t('report.packages'), formatNumber(report.records.packages)],
    [t('report.assessments'), formatNumber(report.records.assessments)],
    [t('report.notes'), formatNumber(report.records.notes)],
    [t('report.submissions'), formatNumber(report.records.submissions)],
    [t('report.attachments'), formatNumber(report.attachments)],
    [t('report.revisions'), formatNumber(report.revisions)],
  ];
  return (
    <div className="notice" role="status">
      <p>{t('report.ok')}</p>
      <p>{report.historyVerified ? t('report.historyOk') : t('report.historyBroken')}</p>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
        {report.headHash && (
          <>
            <dt>{t('report.head')}</dt>
            <dd className="address">
              <code>{report.headHash}</code>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
