import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PriorityBadge, StatusBadge, Tag } from '@/components/badges';
import { ChannelIcon } from '@/components/channel_icon';
import { CustomerName } from '@/components/customer_name';
import { formatDuration, formatRelative } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Conversation } from '@/types/api';

export function ConversationRow(props: {
  conversation: Conversation;
  active: boolean;
  assignee?: string;
  onFocus: () => void;
}) {
  const { t } = useTranslation();
  const c = props.conversation;
  const lang = currentLanguage();
  const waiting = c.status === 'waiting_on_us' ? Date.now() - Date.parse(c.last_message_at) : null;
  return (
    <li
      className={props.active ? 'conv-row is-active' : 'conv-row'}
      aria-current={props.active ? 'true' : undefined}
      data-testid="conversation-row"
      data-conversation-id={c.id}
    >
      <Link className="conv-row__link" to={`/conversations/${c.id}`} onFocus={props.onFocus}>
        <span className="conv-row__channel">
          <ChannelIcon channel={c.channel} />
        </span>
        <span className="conv-row__body">
          <span className="conv-row__top">
            <span className="conv-row__customer">
              {c.customer_name || <CustomerName id={c.customer_id} />}
            </span>
            <time className="conv-row__time" dateTime={c.last_message_at}>
              {formatRelative(c.last_message_at, lang)}
            </time>
          </span>
          <span className="conv-row__subject">{c.subject || `#${c.id}`}</span>
          <span className="conv-row__meta">
            <StatusBadge status={c.status} />
            <PriorityBadge priority={c.priority} />
            {waiting != null && (
              <span className="waiting" data-testid="waiting-time">
                {t('inbox.waiting', { duration: formatDuration(waiting, lang) })}
              </span>
            )}
            {c.tags.slice(0, 3).map((tag) => (
              <Tag key={tag} name={tag} />
            ))}
            <span className="conv-row__assignee">{props.assignee ?? t('inbox.unassignedShort')}</span>
          </span>
        </span>
      </Link>
    </li>
  );
}
