import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBadge } from '@/components/badges';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useTopicConversations, type TopicPeriod } from '../api/topics';
import { sourceText } from './topic_words';

// The drill-down: a topic's conversations in the period (or those without
// a topic), newest first, a page at a time, each with the customer's
// question that was read, its channel and status, and how the topic was
// set; each opens the conversation. Reading them is audited by the server.

export function TopicConversations({ topic, name, period, onClose }: {
  topic: number | 'unclassified';
  /** The topic's name; unknown when the address names a topic the overview does not list. */
  name: string | undefined;
  period: TopicPeriod;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = useTopicConversations(topic, period);
  // Opened from the table or an alert above: brought into view.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    // A block body: Chromium's scrollIntoView returns a promise, which React would take for a clean-up.
    section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const title = topic === 'unclassified' ? t('topics.drill.unclassifiedTitle') : t('topics.drill.title', { name: name ?? `#${topic}` });
  return (
    <section ref={section} className="card topic-drill" aria-labelledby="topic-drill-title" aria-busy={list.isFetching} data-testid="topic-conversations">
      <div className="card__head">
        <h2 id="topic-drill-title" className="panel-title">
          {title}
        </h2>
        <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
          {t('topics.drill.close')}
        </button>
      </div>
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('topics.drill.empty')}</Empty>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table table--dense" data-testid="topic-conversation-list">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('topics.drill.question')}</th>
                  <th scope="col">{t('topics.drill.channel')}</th>
                  <th scope="col">{t('topics.drill.status')}</th>
                  <th scope="col">{t('topics.drill.setBy')}</th>
                  <th scope="col">{t('topics.drill.opened')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-testid="topic-conversation" data-conversation-id={c.id}>
                    <td>
                      <Link to={`/conversations/${c.id}`} className="topic-question">
                        {c.question || c.subject || `#${c.id}`}
                      </Link>
                      {c.subject && c.question && <span className="muted small topic-question__subject">{c.subject}</span>}
                    </td>
                    <td>{c.channel ? t(`channel.${c.channel}`) : '—'}</td>
                    <td>{c.status ? <StatusBadge status={c.status} /> : '—'}</td>
                    <td className="small">{c.source ? sourceText(t, c.source, c.confidence, lang, topic === 'unclassified') : t('topics.drill.noTopic')}</td>
                    <td className="nowrap small">{formatDateTime(c.opened_at, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.hasNextPage && (
            <button type="button" className="btn btn--small load-more" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? t('app.loading') : t('topics.drill.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
