import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ChannelIcon } from '@/components/channel_icon';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useDepartments, useNameLookup, useUsers } from '@/lib/directory';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Activity } from '@/types/api';
import type { useTimeline } from '../api/get_timeline';
import { describeActivity } from './activity_text';

/** Loads the next page when the sentinel scrolls into view; the button does the same by hand. */
function useInfiniteScroll(onVisible: () => void, enabled: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const cb = useRef(onVisible);
  useEffect(() => {
    cb.current = onVisible;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && cb.current(), {
      rootMargin: '200px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [enabled]);
  return ref;
}

/** The event in the reader's language, then the words a person wrote (a message, a hand-over note). */
function TimelineText({ activity: a, text }: { activity: Activity; text: string | undefined }) {
  const link = (body: string) => (a.conversation_id ? <Link to={`/conversations/${a.conversation_id}`}>{body}</Link> : body);
  return (
    <>
      {text && (
        <p className="timeline__summary" data-testid="timeline-event">
          {link(text)}
        </p>
      )}
      {a.summary && (
        <p className={text ? 'timeline__summary timeline__quote' : 'timeline__summary'}>{text ? a.summary : link(a.summary)}</p>
      )}
    </>
  );
}

export function Timeline({ query, compact = false }: { query: ReturnType<typeof useTimeline>; compact?: boolean }) {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const userName = useNameLookup(users.data);
  const departmentName = useNameLookup(departments.data);
  const canLoadMore = !compact && !!query.hasNextPage && !query.isFetchingNextPage;
  const sentinel = useInfiniteScroll(() => void query.fetchNextPage(), canLoadMore);
  if (query.isPending) return <Spinner />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty>{t('customer.emptyTimeline')}</Empty>;
  const lang = currentLanguage();
  const who = (a: Activity) => userName(a.actor_user_id);
  const dept = (a: Activity) => departmentName(a.department_id);

  return (
    <>
      <ol className={compact ? 'timeline timeline--compact' : 'timeline'} data-testid="timeline">
        {items.map((a) => (
          <li key={a.id} className={`timeline__item timeline__item--${a.kind}`} data-testid="timeline-item" data-kind={a.kind}>
            <span className="timeline__icon">{a.channel ? <ChannelIcon channel={a.channel} /> : <span className="dot" aria-hidden="true" />}</span>
            <div className="timeline__content">
              <p className="timeline__head">
                <span className="timeline__kind">{t(`customer.kinds.${a.kind}`)}</span>
                {a.direction && <span className="muted">{a.direction === 'in' ? '←' : '→'}</span>}
                {!compact && dept(a) && <span className="muted">{dept(a)}</span>}
                {!compact && who(a) && <span className="muted">{who(a)}</span>}
                <time className="timeline__time" dateTime={a.at}>
                  {formatDateTime(a.at, lang)}
                </time>
              </p>
              <TimelineText activity={a} text={describeActivity(a, t, userName, departmentName, { lang })} />
            </div>
          </li>
        ))}
      </ol>
      {!compact && query.hasNextPage && (
        <div ref={sentinel}>
          <button type="button" className="btn btn--ghost load-more" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? t('app.loading') : t('customer.loadMore')}
          </button>
        </div>
      )}
      {!compact && !query.hasNextPage && <p className="muted small timeline__end">{t('customer.end')}</p>}
    </>
  );
}
