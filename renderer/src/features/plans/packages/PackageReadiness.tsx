import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageCheck, PackageDraft } from '@shared/api/plans';
import { api } from '../../../api/client';
import { sentenceText } from '../../../api/sentence-text';

const DELAY_MS = 400;

/** What is still missing, and guidance that does not block sending, checked by core a moment after each change. */
export function PackageReadiness({ draft }: { draft: PackageDraft }) {
  const { t } = useTranslation('plans');
  const [check, setCheck] = useState<PackageCheck | null>(null);
  const key = JSON.stringify(draft);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api()
        .call('packages.check', JSON.parse(key) as PackageDraft)
        .then((result) => live && setCheck(result))
        .catch(() => live && setCheck(null));
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!check) return null;
  return (
    <section className={`notice readiness${check.ready ? ' ready' : ''}`} aria-labelledby="readiness-title" data-testid="package-readiness">
      <h2 id="readiness-title">{check.ready ? t('readiness.ready') : t('readiness.notReady')}</h2>
      <p>{t('readiness.progress', { findings: check.findingsWritten, asks: check.asksWritten, unconfirmed: check.findingsUnconfirmed })}</p>
      {check.problems.length > 0 && (
        <ul>
          {check.problems.map((problem, i) => (
            <li key={i}>{sentenceText(problem)}</li>
          ))}
        </ul>
      )}
      {check.warnings.length > 0 && (
        <>
          <h3>{t('readiness.guidance')}</h3>
          <ul data-testid="package-warnings">
            {check.warnings.map((warning, i) => (
              <li key={i}>{sentenceText(warning)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
