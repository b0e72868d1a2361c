import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../../components/FilePicker';

/** One file for a form; the form sets it back to null once it has read and sent it. */
export function FileField({ label, file, onFile, accept }: { label: string; file: File | null; onFile: (file: File | null) => void; accept: string }) {
  return <FilePicker label={label} accept={accept} files={file ? [file] : []} onChange={(files) => onFile(files[0] ?? null)} />;
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

/**
 * Progress while the core derives a key and checks a file (scrypt alone takes about half a second),
 * then what went wrong or what was done.
 */
export function FormStatus({ busy, error, done }: { busy: boolean; error: { message: string } | null; done?: string | null }) {
  const { t } = useTranslation('exchange');
  return (
    <>
      {busy && (
        <p className="hint" role="status" aria-live="polite">
          <progress aria-label={t('busy')} /> {t('busy')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
    </>
  );
}

export const BACKUP_ACCEPT = '.awbackup,application/octet-stream';
export const BUNDLE_ACCEPT = '.awbundle,application/octet-stream';
