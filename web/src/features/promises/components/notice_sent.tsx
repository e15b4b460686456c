import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '@/lib/api_client';
import { errorMessage } from '@/lib/error_message';
import type { TFunction } from 'i18next';
import type { PromiseNotified } from '@/types/api';

/**
 * Why a notice could not go, in the server's words alone: a refusal here is
 * about the customer (no address to write to, reminded today already), not
 * about a change made meanwhile.
 */
export function noticeError(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.detail) return error.detail.charAt(0).toUpperCase() + error.detail.slice(1);
  return errorMessage(t, error);
}

/** A confirmation or reminder went to the customer: by which channel (e-mail when theirs cannot carry it), and where to read it. */
export function NoticeSent({ sent, onClose }: { sent: PromiseNotified; onClose: () => void }) {
  const { t } = useTranslation();
  const n = sent.notice;
  return (
    <div className="notice" role="status" data-testid="promise-notice-sent">
      <p>
        {t('promises.notify.sent', { channel: t(`channel.${n.channel}`) })}
        {n.fallback && <> {t('promises.notify.fallback')}</>}
      </p>
      <p>
        <Link to={`/conversations/${n.conversation_id}`}>{t('promises.notify.open')}</Link>
      </p>
      <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
        {t('promises.dismiss')}
      </button>
    </div>
  );
}
