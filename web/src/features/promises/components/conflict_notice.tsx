import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/error_message';
import { formatDue } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { PromiseRecord } from '@/types/api';

/** A change was refused: why, and the promise as it is now. */
export function ConflictNotice({ current: c, error, onClose }: { current: PromiseRecord; error: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="notice notice--warn" role="alert" data-testid="promise-conflict">
      <p>{errorMessage(t, error)}</p>
      <p>{t('promises.conflict', { status: t(`promises.status.${c.status}`), version: c.version })}</p>
      <p>
        <strong>{t(`promises.kind.${c.kind}`)}</strong>: {c.what}
        {c.due_end && <> · {t('promises.due', { due: formatDue(c.due_end, lang) })}</>}
      </p>
      <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
        {t('promises.dismiss')}
      </button>
    </div>
  );
}
