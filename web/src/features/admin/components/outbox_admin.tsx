import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { formatDateTime, formatRelative } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { OutboxItem } from '@/types/api';
import { useDismissOutbox, useMailboxes, useOutbox, useRetryOutbox, type UnsentState } from '../api/mail';

// Admin › Failed to send: the agents' e-mail replies the desk could not
// send, with the server's answer. `failed` ones were not sent (refused, no
// mailbox sends for the queue, attempts used up); `uncertain` ones may have
// arrived (the connection broke after the message was handed over), so
// retrying those asks first. Each can be dismissed (nobody sends it), an
// uncertain one marked as arrived; editing happens in the conversation.

function OutboxRow(props: {
  item: OutboxItem;
  mailboxName: string | undefined;
  busy: boolean;
  error: unknown;
  onRetry: () => void;
  onDismiss: (arrived: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const o = props.item;
  const uncertain = o.delivery === 'uncertain';
  return (
    <tr className="is-failing" data-testid="outbox-row" data-delivery={o.delivery}>
      <td>
        <time dateTime={o.created_at} title={formatDateTime(o.created_at, lang)}>
          {formatRelative(o.created_at, lang)}
        </time>
      </td>
      <td>
        <Link to={`/conversations/${o.conversation_id}`}>{t('outbox.conversationLink', { id: o.conversation_id })}</Link>
      </td>
      <td>{o.mailbox_id === null ? '—' : (props.mailboxName ?? t('quarantine.sources.mailboxId', { id: o.mailbox_id }))}</td>
      <td className="num">{o.attempts}</td>
      <td className="outbox-error">{o.last_error ?? '—'}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('outbox.retryLabel', { id: o.message_id })}
            disabled={props.busy}
            onClick={() => (!uncertain || window.confirm(t('delivery.uncertainConfirm'))) && props.onRetry()}
          >
            {t('delivery.retry')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={t('outbox.dismissLabel', { id: o.message_id })}
            disabled={props.busy}
            onClick={() => window.confirm(t('delivery.dismissConfirm')) && props.onDismiss(false)}
          >
            {t('delivery.dismiss')}
          </button>
          {uncertain && (
            <button
              type="button"
              className="btn btn--small"
              aria-label={t('outbox.arrivedLabel', { id: o.message_id })}
              disabled={props.busy}
              onClick={() => window.confirm(t('delivery.arrivedConfirm')) && props.onDismiss(true)}
            >
              {t('delivery.arrived')}
            </button>
          )}
          <Link className="outbox-edit" to={`/conversations/${o.conversation_id}`} aria-label={t('outbox.editLabel', { id: o.message_id })}>
            {t('outbox.editLink')}
          </Link>
        </div>
        <FormError error={props.error} />
      </td>
    </tr>
  );
}

/** What the last action on a row did, for the notice above the table. */
type Done = { kind: 'retried' | 'dismissed' | 'markedArrived'; id: number };

function OutboxSection({ state }: { state: UnsentState }) {
  const { t } = useTranslation();
  const list = useOutbox(state);
  const mailboxes = useMailboxes();
  const retry = useRetryOutbox();
  const dismiss = useDismissOutbox();
  const [done, setDone] = useState<Done | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const titleId = `outbox-${state}-title`;
  return (
    <section className="outbox-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel-title">
        {t(`outbox.title.${state}`)}
      </h3>
      <p className="help">{t(`outbox.explain.${state}`)}</p>
      {done !== null && (
        <p className="notice" role="status">
          {t(`outbox.${done.kind}`, { id: done.id })}
        </p>
      )}
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t(`outbox.none.${state}`)}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table table--dense" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('outbox.written')}</th>
                <th scope="col">{t('outbox.conversation')}</th>
                <th scope="col">{t('outbox.mailbox')}</th>
                <th scope="col" className="num">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.error')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('outbox.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <OutboxRow
                  key={o.message_id}
                  item={o}
                  mailboxName={mailboxes.data?.find((m) => m.id === o.mailbox_id)?.name}
                  busy={(retry.isPending && retry.variables === o.message_id) || (dismiss.isPending && dismiss.variables.messageId === o.message_id)}
                  error={
                    retry.isError && retry.variables === o.message_id
                      ? retry.error
                      : dismiss.isError && dismiss.variables.messageId === o.message_id
                        ? dismiss.error
                        : null
                  }
                  onRetry={() => {
                    setDone(null);
                    dismiss.reset();
                    retry.mutate(o.message_id, { onSuccess: (item) => setDone({ kind: 'retried', id: item.message_id }) });
                  }}
                  onDismiss={(arrived) => {
                    setDone(null);
                    retry.reset();
                    dismiss.mutate(
                      { messageId: o.message_id, arrived },
                      { onSuccess: (item) => setDone({ kind: arrived ? 'markedArrived' : 'dismissed', id: item.message_id }) },
                    );
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <button type="button" className="btn btn--ghost load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('quarantine.loadMore')}
        </button>
      )}
    </section>
  );
}

export function OutboxAdmin() {
  return (
    <>
      <OutboxSection state="failed" />
      <OutboxSection state="uncertain" />
    </>
  );
}
