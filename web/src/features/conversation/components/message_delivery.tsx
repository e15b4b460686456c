import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { can, useCurrentSession } from '@/lib/session';
import type { Message } from '@/types/api';
import { useDismissReply, useRetrySend } from '../api/retry_send';
import { ResendEditor } from './resend_editor';

// The delivery of a reply the desk sends itself (an agent's e-mail reply):
// a small mark while it waits, once it is sent, or when nobody sends it any
// more (cancelled: dismissed, or replaced by an edited reply), and a warning
// when it failed or may not have arrived. The warning says why (the mail
// server's answer or the network error) to everyone who sees the message;
// those who may write get "Retry", "Edit and resend", "Dismiss" and, for an
// uncertain reply, "It arrived"; admins also get a link to the outbox, where
// all unsent replies are.

/** True when the reply did not (certainly) reach the customer and still waits for someone to act: failed or uncertain, not cancelled. */
export function isUnsent(m: Message): boolean {
  return m.delivery === 'failed' || m.delivery === 'uncertain';
}

/** For the message header: "Waiting to be sent", "Sending…", "✓ Sent", "Not sent" (cancelled); nothing for a message the desk does not send. */
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
      <span
        className="delivery delivery--pending"
        data-testid="delivery"
        data-delivery={d}
        title={message.delivery_error ? t('delivery.lastAttempt', { error: message.delivery_error }) : undefined}
      >
        {t(`delivery.${d}`)}
      </span>
    );
  if (d === 'cancelled')
    return (
      <span
        className="delivery delivery--cancelled"
        data-testid="delivery"
        data-delivery={d}
        title={message.delivery_error ? `${t('delivery.cancelledTitle')} ${t('delivery.reason', { error: message.delivery_error })}` : t('delivery.cancelledTitle')}
      >
        {t('delivery.cancelled')}
      </span>
    );
  return null;
}

/** Below a failed or uncertain reply (see isUnsent): what happened, and what those who may write can do about it. */
export function DeliveryWarning({ message, customerId }: { message: Message; customerId: number }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const retry = useRetrySend(message.conversation_id);
  const dismiss = useDismissReply(message.conversation_id);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const uncertain = message.delivery === 'uncertain';
  const busy = retry.isPending || dismiss.isPending;

  useEffect(() => {
    // Closing the editor without sending puts focus back on "Edit and resend".
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  /** One action at a time shows its error. */
  const act = (confirmText: string | null, run: () => void) => {
    if (confirmText !== null && !window.confirm(confirmText)) return;
    retry.reset();
    dismiss.reset();
    run();
  };

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
      {editing ? (
        <ResendEditor
          message={message}
          customerId={customerId}
          onCancel={() => {
            returnFocus.current = true;
            setEditing(false);
          }}
          onSent={() => setEditing(false)}
        />
      ) : (
        <div className="row-actions">
          {can(session, 'write_conversations') && (
            <>
              <button
                type="button"
                className="btn btn--small"
                disabled={busy}
                onClick={() => act(uncertain ? t('delivery.uncertainConfirm') : null, () => retry.mutate(message.id))}
              >
                {retry.isPending ? t('delivery.retrying') : t('delivery.retry')}
              </button>
              <button
                ref={editButton}
                type="button"
                className="btn btn--small"
                disabled={busy}
                onClick={() => {
                  retry.reset();
                  dismiss.reset();
                  setEditing(true);
                }}
              >
                {t('delivery.editResend')}
              </button>
              <button
                type="button"
                className="btn btn--small btn--ghost"
                disabled={busy}
                onClick={() => act(t('delivery.dismissConfirm'), () => dismiss.mutate({ messageId: message.id }))}
              >
                {t('delivery.dismiss')}
              </button>
              {uncertain && (
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  disabled={busy}
                  onClick={() => act(t('delivery.arrivedConfirm'), () => dismiss.mutate({ messageId: message.id, arrived: true }))}
                >
                  {t('delivery.arrived')}
                </button>
              )}
            </>
          )}
          {can(session, 'manage_channels') && <Link to="/admin/outbox">{t('delivery.whyAdmin')}</Link>}
        </div>
      )}
      <FormError error={retry.error ?? dismiss.error} />
    </div>
  );
}
