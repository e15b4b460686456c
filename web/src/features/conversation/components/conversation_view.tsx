import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBadge, PriorityBadge } from '@/components/badges';
import { ChannelIcon } from '@/components/channel_icon';
import { ErrorPanel, Spinner } from '@/components/feedback';
import { isApiError } from '@/lib/api_client';
import { useDepartments } from '@/lib/directory';
import { formatRelative } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Conversation, Message } from '@/types/api';
import { useConversation } from '../api/get_conversation';
import { ChatPanel } from './chat_panel';
import { Composer, type ComposerProps } from './composer';
import { ConversationProperties } from './conversation_properties';
import { MessageThread } from './message_thread';

/** What the app adds around the reply box (another feature's, composed in src/app). */
export interface ComposerSlots {
  /** A reply (not a note) went out: the message and its text. */
  onReplySent?: (message: Message, text: string) => void;
  /** Under the reply box, about the reply being written. */
  replyExtras?: (text: string) => ReactNode;
  /** Between the thread and the reply box (about the reply just sent). */
  composerNotice?: ReactNode;
  /** Above the reply box: canonical answers to put in the reply. */
  answerSlot?: ComposerProps['answerSlot'];
  /** Before a reply goes out: what it says otherwise than the published answer. */
  checkReply?: ComposerProps['checkReply'];
}

/** What the app adds to the thread (another feature's, composed in src/app). */
export interface ThreadSlots {
  /** Under a message, about it (the promises it made). */
  messageExtras?: (message: Message) => ReactNode;
}

/** What the app adds to the conversation's header (another feature's, composed in src/app). */
export interface HeaderSlots {
  /** Under the title and status: actions on the conversation as it stands (a draft answer from a resolved one). */
  headerExtras?: (conversation: Conversation) => ReactNode;
}

/** The conversation screen minus the customer panel, which the app places beside it. */
export function ConversationView({ id, customerName, ...slots }: { id: number; customerName?: string } & ComposerSlots & ThreadSlots & HeaderSlots) {
  const { t } = useTranslation();
  const query = useConversation(id);
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <p className="empty">{t('conversation.notFound')}</p>;
    }
    return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <ConversationLoaded conversation={query.data} customerName={customerName} {...slots} />;
}

function ConversationLoaded({
  conversation: c,
  customerName,
  onReplySent,
  replyExtras,
  composerNotice,
  answerSlot,
  checkReply,
  messageExtras,
  headerExtras,
}: { conversation: Conversation; customerName?: string } & ComposerSlots & ThreadSlots & HeaderSlots) {
  const { t } = useTranslation();
  const [includeInternal, setIncludeInternal] = useState(true);
  const departments = useDepartments();
  const department = departments.data?.find((d) => d.id === c.department_id)?.name;
  return (
    <div className="conversation">
      <section className="conversation__main" aria-labelledby="conversation-title">
        <header className="conversation__header">
          <div className="conversation__title-row">
            <ChannelIcon channel={c.channel} />
            <h1 id="conversation-title">{c.subject || `#${c.id}`}</h1>
          </div>
          <p className="conversation__meta">
            <span>#{c.id}</span>
            <StatusBadge status={c.status} />
            <PriorityBadge priority={c.priority} />
            {department && <span data-testid="conversation-department">{department}</span>}
            <span>{t('conversation.created', { time: formatRelative(c.created_at, currentLanguage()) })}</span>
          </p>
          {headerExtras?.(c)}
          {c.public && (
            <p className="notice notice--warn" data-testid="conversation-public">
              {t('conversation.publicThread')}
            </p>
          )}
          {c.follows_id !== null && (
            <p className="conversation__follows" data-testid="conversation-follows">
              <Link to={`/conversations/${c.follows_id}`}>{t('conversation.follows', { id: c.follows_id })}</Link>
            </p>
          )}
          <ChatPanel conversation={c} />
          <label className="toggle">
            <input
              type="checkbox"
              checked={!includeInternal}
              onChange={(e) => setIncludeInternal(!e.target.checked)}
            />
            <span>{t('conversation.customerView')}</span>
          </label>
        </header>
        <MessageThread conversation={c} customerName={customerName} includeInternal={includeInternal} messageExtras={messageExtras} />
        {composerNotice}
        <Composer conversation={c} onReplySent={onReplySent} replyExtras={replyExtras} answerSlot={answerSlot} checkReply={checkReply} />
      </section>
      <ConversationProperties conversation={c} />
    </div>
  );
}
