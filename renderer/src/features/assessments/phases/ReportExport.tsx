import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ExportPanel } from '../../../components/ExportPanel';
import { userLocale } from '../../../i18n';
import { useWorkspace } from '../workspace/context';

/**
 * Exports the saved report. The export dialog shows what the identity check flagged in the report
 * as printed (stakeholders' real names among them) and asks for a decision on each.
 */
export function ReportExport({ id }: { id: string }) {
  const { t } = useTranslation('assessments');
  const { dirty } = useWorkspace();
  return (
    <ExportPanel
      title={t('export.title')}
      hint={dirty ? t('export.unsaved') : t('export.intro')}
      blocked={dirty}
      check={({ descriptiveName }) => api().call('exports.identityCheck', { kind: 'assessment', id, descriptiveName, locale: userLocale() })}
      make={(format, { descriptiveName, identity }) => api().call('assessments.export', { id, format, descriptiveName, identity, locale: userLocale() })}
    />
  );
}
