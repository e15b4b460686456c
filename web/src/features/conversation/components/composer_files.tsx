import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/error_message';
import type { ChosenFile } from '../hooks/use_attachments';

// The composer's files: "Attach file" (a label for a visually hidden file
// input, so the browser's own picker opens from keyboard and pointer alike)
// and the list of chosen files, each uploading, uploaded or refused (why: a
// file larger than the server's limit is a 413 whose detail names the limit).

export function AttachFileButton({ id, onAdd }: { id: string; onAdd: (files: File[]) => void }) {
  const { t } = useTranslation();
  return (
    <span className="composer__attach">
      <input
        id={id}
        type="file"
        multiple
        className="visually-hidden composer__file-input"
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          // Choosing the same file again later still counts as a change.
          e.target.value = '';
          if (chosen.length > 0) onAdd(chosen);
        }}
      />
      <label htmlFor={id} className="btn btn--small btn--ghost">
        {t('conversation.attach')}
      </label>
    </span>
  );
}

export function ChosenFileList({ files, onRemove }: { files: ChosenFile[]; onRemove: (key: number) => void }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="composer__files" aria-label={t('conversation.filesToSend')}>
      {files.map((f) => (
        <li key={f.key} className={`composer__file composer__file--${f.state}`} data-testid="composer-file" data-state={f.state}>
          <span className="composer__file-name">{f.name}</span>{' '}
          <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
          {f.state === 'uploading' && <span className="muted small"> {t('conversation.uploading')}</span>}
          <button
            type="button"
            className="tag__remove"
            aria-label={t('conversation.removeFile', { name: f.name })}
            onClick={() => onRemove(f.key)}
          >
            ×
          </button>
          {f.state === 'failed' && (
            <p className="field-error" role="alert">
              {errorMessage(t, f.error)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
