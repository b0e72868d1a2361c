import { useId, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';

interface Props {
  label: string;
  /** The chosen files, held by the form that sends them; the form empties it once sent. */
  files: File[];
  onChange: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
}

/**
 * The app's own file picker. The native input is the browser's only way to read a file, so it
 * stays, hidden, behind a button; its value is emptied as soon as the choice is read, so choosing
 * the same file again works and the only reference to a File is the form's, which lets go of it
 * once the file is sent.
 */
export function FilePicker({ label, files, onChange, accept, multiple = false, disabled = false }: Props) {
  const { t } = useTranslation('common');
  const inputId = useId();
  const labelId = `${inputId}-label`;
  const input = useRef<HTMLInputElement>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (chosen.length > 0) onChange(chosen);
  };

  const chooseLabel = multiple ? t('filePicker.chooseMany') : files.length > 0 ? t('filePicker.chooseAnother') : t('filePicker.choose');

  return (
    <div className="field file-picker">
      <label id={labelId} htmlFor={inputId}>
        {label}
      </label>
      <input ref={input} id={inputId} type="file" accept={accept} multiple={multiple} disabled={disabled} hidden onChange={choose} />
      <div className="actions">
        <button type="button" className="button" aria-describedby={labelId} disabled={disabled} onClick={() => input.current?.click()}>
          {chooseLabel}
        </button>
      </div>
      {files.length === 0 ? (
        !multiple && <p className="hint">{t('filePicker.none')}</p>
      ) : (
        <ul className="file-picker-chosen">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <strong>{file.name}</strong> <span className="hint">{t('filePicker.size', { size: formatNumber(file.size / 1024, { maximumFractionDigits: 1 }) })}</span>{' '}
              <button type="button" className="button" disabled={disabled} onClick={() => onChange(files.filter((_, i) => i !== index))}>
                {t('filePicker.remove', { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
