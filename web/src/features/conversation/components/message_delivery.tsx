import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { can, useCurrentSession } from '@/lib/session';
import type { Message } from '@/types/api';
import { useRetrySend } from '../api/retry_send';

// The delivery of a reply the desk sends itself (an agent's e-mail reply):
// a small mark while it waits or once it is sent, and a warning with
// "Retry" when it failed or may not have arrived. The warning says why (the
// mail server's answer or the network error) to everyone who sees the
// message; admins also get a link to the outbox, where all unsent replies are.

/** True when the reply did not (certainly) reach the customer. */
export function isUnsent(m: Message): boolean {
  return m.delivery === 'failed' || m.delivery === 'uncertain';
}

/** For the message header: "Waiting to be sent", "Sending…", "✓ Sent"; nothing for a message the desk does not send. */
export function DeliveryMark({ message }: { message: Message }) {
  const { t } = useTranslation();
  const d = message.delivery;
  if (d === 'sent')
    return (
      <span className="delivery" data-testid="delivery" data-delivery={d}>
        <span aria-hidden="true">✓</span> {t('delivery.sent')}
      </span>
    );
  if (d === 'queued' || d === 'sending')
    return (
      <span className="delivery delivery--pending" data-testid="delivery" data-delivery={d}>
        {t(`delivery.${d}`)}
      </span>
    );
  return null;
}

/** Below a failed or uncertain reply (see isUnsent): what happened, and "Retry" for those who may write. */
export function DeliveryWarning({ message }: { message: Message }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const retry = useRetrySend(message.conversation_id);
  const uncertain = message.delivery === 'uncertain';
  return (
    <div className="delivery-warning" data-testid="delivery-warning" data-delivery={message.delivery}>
      <p>
        <strong>{uncertain ? t('delivery.uncertainTitle') : t('delivery.failedTitle')}</strong>{' '}
        {uncertain ? t('delivery.uncertain') : t('delivery.failed')}
      </p>
      {message.delivery_error && (
        <p className="delivery-warning__reason" data-testid="delivery-error">
          {t('delivery.reason', { error: message.delivery_error })}
        </p>
      )}
      <div className="row-actions">
        {can(session, 'write_conversations') && (
          <button
            type="button"
            className="btn btn--small"
            disabled={retry.isPending}
            onClick={() => (!uncertain || window.confirm(t('delivery.uncertainConfirm'))) && retry.mutate(message.id)}
          >
            {retry.isPending ? t('delivery.retrying') : t('delivery.retry')}
          </button>
        )}
        {can(session, 'manage_channels') && <Link to="/admin/outbox">{t('delivery.whyAdmin')}</Link>}
      </div>
      <FormError error={retry.error} />
    </div>
  );
}
