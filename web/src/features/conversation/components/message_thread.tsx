import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/components/channel_icon';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { useUsers } from '@/lib/directory';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Conversation, Message } from '@/types/api';
import { useChat, useMarkChatRead } from '../api/chat';
import { useMessages } from '../api/get_messages';
import { MessageBody } from './message_body';
import { DeliveryMark, DeliveryWarning, isUnsent } from './message_delivery';

export interface MessageThreadProps {
  conversation: Conversation;
  customerName?: string;
  includeInternal: boolean;
  /** What the app shows under a message (another feature's: the promises it made), if anything. */
  messageExtras?: (message: Message) => ReactNode;
}

export function MessageThread(props: MessageThreadProps) {
  const { t } = useTranslation();
  const query = useMessages(props.conversation.id, props.includeInternal);
  const users = useUsers();
  const endRef = useRef<HTMLDivElement>(null);
  const messages = query.data?.pages.flatMap((p) => p.items) ?? [];
  const count = messages.length;
  // A chat: mark the visitor's messages read, and show which of ours they read.
  const chat = useChat(props.conversation.id, props.conversation.channel === 'chat').data;
  const visible = messages.filter((m) => !m.internal);
  const newestInbound = visible.filter((m) => m.direction === 'in').at(-1)?.id;
  useMarkChatRead(chat, newestInbound);
  const seenId = chat?.visitor_read_id
    ? visible.filter((m) => m.direction === 'out' && m.id <= (chat.visitor_read_id ?? 0)).at(-1)?.id
    : undefined;

  useEffect(() => {
    // Show the newest message: scroll the conversation column (when it scrolls on its own) to its end.
    const column = endRef.current?.closest('.conversation__main');
    if (count > 0 && column && column.scrollHeight > column.clientHeight) column.scrollTop = column.scrollHeight;
  }, [count]);

  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;

  // A notice the desk sent by itself (an attachment too large to keep) has no author.
  const author = (m: Message) =>
    m.direction === 'in' && !m.internal
      ? (props.customerName ?? t('conversation.customer'))
      : m.automatic
        ? t('conversation.automatic')
        : (users.data?.find((u) => u.id === m.author_user_id)?.name ?? t('conversation.agent'));

  return (
    <div className="thread" aria-label={t('conversation.thread')} role="log" aria-live="polite" data-testid="thread">
      {messages.length === 0 && <p className="empty">{t('conversation.empty')}</p>}
      {messages.map((m) => (
        <article
          key={m.id}
          className={`message ${m.internal ? 'message--internal' : m.direction === 'in' ? 'message--in' : 'message--out'}${isUnsent(m) ? ' message--unsent' : ''}${m.delivery === 'cancelled' ? ' message--cancelled' : ''}`}
          data-testid="message"
          data-message-id={m.id}
          data-internal={m.internal ? 'true' : 'false'}
          data-delivery={m.delivery ?? undefined}
        >
          <header className="message__header">
            {m.internal ? (
              <span className="badge badge--internal">{t('conversation.internalBadge')}</span>
            ) : (
              <ChannelIcon channel={m.channel} />
            )}
            <span className="message__author">{author(m)}</span>
            <time className="message__time" dateTime={m.created_at}>
              {formatDateTime(m.created_at, currentLanguage())}
            </time>
            <DeliveryMark message={m} />
            {m.id === seenId && (
              <span className="message__seen" data-testid="seen">
                ✓ {t('chat.seen')}
              </span>
            )}
          </header>
          <MessageBody message={m} />
          {m.attachments.length > 0 && (
            <ul className="message__attachments" aria-label={t('conversation.attachments')}>
              {m.attachments.map((a) => (
                <li key={a.id}>
                  📎{' '}
                  {a.sha256 ? (
                    <a href={`/api/v1/attachments/${a.id}`} download={a.filename}>
                      {a.filename}
                    </a>
                  ) : (
                    a.filename
                  )}{' '}
                  <span className="muted">({Math.ceil(a.size_bytes / 1024)} KB)</span>
                </li>
              ))}
            </ul>
          )}
          {props.messageExtras?.(m)}
          {isUnsent(m) && <DeliveryWarning message={m} customerId={props.conversation.customer_id} />}
        </article>
      ))}
      {query.hasNextPage && (
        <button type="button" className="btn btn--ghost" onClick={() => void query.fetchNextPage()}>
          {t('conversation.loadMore')}
        </button>
      )}
      <div ref={endRef} />
    </div>
  );
}
