import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useUsers } from '@/lib/directory';
import { CHANNELS, PRIORITIES, STATUSES } from '@/types/api';
import type { Channel, ConversationStatus, Priority } from '@/types/api';
import { useConversations, type InboxFilters, type InboxSort, type InboxView } from '../api/get_conversations';
import { useResolveConversation } from '../api/resolve_conversation';
import { useListNavigation } from '../hooks/use_list_navigation';
import { ConversationRow } from './conversation_row';
import { InboxFilterBar } from './inbox_filter_bar';
import { InboxSidebar } from './inbox_sidebar';

const views: InboxView[] = ['all', 'mine', 'unassigned', 'waiting'];
const sorts: InboxSort[] = ['-last_message_at', '-created_at', 'created_at'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function num(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function filtersFromParams(p: URLSearchParams): InboxFilters {
  return {
    view: pick(p.get('view'), views) ?? 'all',
    department_id: num(p.get('department')),
    queue_id: num(p.get('queue')),
    channel: pick<Channel>(p.get('channel'), CHANNELS),
    status: pick<ConversationStatus>(p.get('status'), STATUSES),
    priority: pick<Priority>(p.get('priority'), PRIORITIES),
    tag: p.get('tag') ?? undefined,
    sort: pick(p.get('sort'), sorts) ?? '-last_message_at',
  };
}

export function paramsFromFilters(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view !== 'all') p.set('view', f.view);
  if (f.department_id) p.set('department', String(f.department_id));
  if (f.queue_id) p.set('queue', String(f.queue_id));
  if (f.channel) p.set('channel', f.channel);
  if (f.status) p.set('status', f.status);
  if (f.priority) p.set('priority', f.priority);
  if (f.tag) p.set('tag', f.tag);
  if (f.sort !== '-last_message_at') p.set('sort', f.sort);
  return p;
}

export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const query = useConversations(filters);
  const users = useUsers();
  const resolve = useResolveConversation();
  const listRef = useRef<HTMLOListElement>(null);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  const setFilters = (next: InboxFilters) => setParams(paramsFromFilters(next), { replace: false });
  const focusRow = (i: number) => {
    const link = listRef.current?.querySelectorAll<HTMLAnchorElement>('a.conv-row__link')[i];
    link?.focus();
    link?.scrollIntoView?.({ block: 'nearest' });
  };
  const nav = useListNavigation({
    count: items.length,
    onOpen: (i) => navigate(`/conversations/${items[i].id}`),
    onResolve: (i) => resolve.mutate(items[i].id),
    onMove: focusRow,
  });

  return (
    <div className="inbox">
      <InboxSidebar filters={filters} onChange={setFilters} />
      <section className="inbox__main" aria-labelledby="inbox-title">
        <header className="page-header">
          <h1 id="inbox-title">{t('inbox.title')}</h1>
          <p className="muted small" id="inbox-shortcuts">
            {t('inbox.shortcuts')}
          </p>
        </header>
        <InboxFilterBar filters={filters} onChange={setFilters} />
        {resolve.isError && <FormError error={resolve.error} />}
        {resolve.isSuccess && (
          <p className="notice" role="status">
            {t('inbox.resolved', { id: resolve.data.id })}
          </p>
        )}
        {query.isPending ? (
          <Spinner />
        ) : query.isError ? (
          <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Empty>{t('inbox.empty')}</Empty>
        ) : (
          <ol className="conv-list" ref={listRef} aria-label={t('inbox.list')} aria-describedby="inbox-shortcuts" data-testid="conversation-list">
            {items.map((c, i) => (
              <ConversationRow
                key={c.id}
                conversation={c}
                active={i === nav.active}
                assignee={users.data?.find((u) => u.id === c.assignee_id)?.name}
                onFocus={() => nav.active !== i && nav.setActive(i)}
              />
            ))}
          </ol>
        )}
        {query.hasNextPage && (
          <button
            type="button"
            className="btn btn--ghost load-more"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? t('app.loading') : t('inbox.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
