import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ExportPanel as Panel } from '../../../components/ExportPanel';
import { userLocale } from '../../../i18n';

/** Exports of a saved plan or package (the last saved version, with its evidence appendix). */
export function ExportPanel({ kind, id, dirty }: { kind: 'plan' | 'package'; id: string; dirty: boolean }) {
  const { t } = useTranslation('plans');
  return (
    <Panel
      title={t('export.title')}
      hint={dirty ? t('export.unsaved') : t('export.intro')}
      check={({ descriptiveName }) => api().call('exports.identityCheck', { kind, id, descriptiveName, locale: userLocale() })}
      make={(format, { descriptiveName, identity }) => api().call(kind === 'plan' ? 'plans.export' : 'packages.export', { id, format, descriptiveName, identity, locale: userLocale() })}
    />
  );
}
