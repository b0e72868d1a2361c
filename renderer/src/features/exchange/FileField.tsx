import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A file picker with a label; the file stays in the page until the form sends it. */
export function FileField({ label, onFile, accept }: { label: string; onFile: (file: File | null) => void; accept: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={accept} onChange={(event) => onFile(event.target.files?.[0] ?? null)} />
    </div>
  );
}

export function PassphraseField({ label, value, onChange, autoComplete = 'off' }: { label: string; value: string; onChange: (value: string) => void; autoComplete?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete={autoComplete} spellCheck={false} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** Shown while the core derives a key and checks a file: scrypt alone takes about half a second. */
export function BusyStatus() {
  const { t } = useTranslation('exchange');
  return (
    <p className="hint" role="status" aria-live="polite">
      <progress aria-label={t('busy')} /> {t('busy')}
    </p>
  );
}

export const BACKUP_ACCEPT = '.awbackup,application/octet-stream';
export const BUNDLE_ACCEPT = '.awbundle,application/octet-stream';
